# speedup.gp - speedup against workers per series, ideal line and Amdahl fit.
# Written by scal-run; render with: gnuplot speedup.gp (writes speedup.png and speedup.svg).
if (strstrt(GPVAL_TERMINALS, 'pngcairo') > 0) {
    set terminal pngcairo size 1000,620 noenhanced
} else {
    set terminal png size 1000,620 noenhanced
}
set output 'speedup.png'
set grid
set title 'Speedup T(1)/T(p) from median wall time, with 95% CIs (bootstrap)'
set xlabel 'workers'
set ylabel 'speedup'
set logscale xy 2
set key outside below Left reverse maxcols 1
set xrange [0.8:2.5]
set samples 200
plot x title 'ideal' with lines dt 2 lc 'black', \
     'speedup.dat' index 0 using 1:2 with linespoints lc 1 pt 7 title 'factor', \
     'speedup.dat' index 0 using 1:2:7:8 with yerrorbars lc 1 pt 7 notitle, \
     'speedup.dat' index 1 using 1:2 with linespoints lc 2 pt 7 title 'triad', \
     'speedup.dat' index 1 using 1:2:7:8 with yerrorbars lc 2 pt 7 notitle
set terminal svg size 1000,620 noenhanced
set output 'speedup.svg'
replot
