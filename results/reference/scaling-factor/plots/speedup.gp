# speedup.gp - speedup against workers per series, ideal line and Amdahl fit.
# Written by scal-run; render with: gnuplot speedup.gp (writes speedup.png and speedup.svg).
if (strstrt(GPVAL_TERMINALS, 'pngcairo') > 0) {
    set terminal pngcairo size 1000,740 noenhanced
} else {
    set terminal png size 1000,740 noenhanced
}
set output 'speedup.png'
set grid
set title 'Speedup T(1)/T(p) from median wall time'
set xlabel 'workers'
set ylabel 'speedup'
set logscale xy 2
set key outside below Left reverse maxcols 1
set xrange [0.8:2.5]
set samples 200
plot x title 'ideal' with lines dt 2 lc 'black', \
     'speedup.dat' index 0 using 1:2 with linespoints lc 1 pt 7 title 'threads gil=off', \
     1/(0.0238145057 + (1-0.0238145057)/x) with lines dt 3 lc 1 title 'threads gil=off: Amdahl f=0.024', \
     'speedup.dat' index 1 using 1:2 with linespoints lc 2 pt 7 title 'threads gil=on', \
     1/(1 + (1-1)/x) with lines dt 3 lc 2 title 'threads gil=on: Amdahl f=1.000', \
     'speedup.dat' index 2 using 1:2 with linespoints lc 3 pt 7 title 'ranks pool=map', \
     1/(0.00952031172 + (1-0.00952031172)/x) with lines dt 3 lc 3 title 'ranks pool=map: Amdahl f=0.010', \
     'speedup.dat' index 3 using 1:2 with linespoints lc 4 pt 7 title 'ranks pool=submit', \
     1/(0.0263825396 + (1-0.0263825396)/x) with lines dt 3 lc 4 title 'ranks pool=submit: Amdahl f=0.026'
set terminal svg size 1000,740 noenhanced
set output 'speedup.svg'
replot
