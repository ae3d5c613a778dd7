# speedup.gp - speedup against workers per series, ideal line and Amdahl fit.
# Written by scal-run; render with: gnuplot speedup.gp (writes speedup.png and speedup.svg).
if (strstrt(GPVAL_TERMINALS, 'pngcairo') > 0) {
    set terminal pngcairo size 1000,900 noenhanced
} else {
    set terminal png size 1000,900 noenhanced
}
set output 'speedup.png'
set grid
set title 'Speedup T(1)/T(p) from median wall time'
set xlabel 'workers'
set ylabel 'speedup'
set logscale xy 2
set key outside below Left reverse maxcols 1
set xrange [0.8:20]
set samples 200
plot x title 'ideal' with lines dt 2 lc 'black', \
     'speedup.dat' index 0 using 1:2 with linespoints lc 1 pt 7 title 'sleep-threads pool=map', \
     1/(0.0123728942 + (1-0.0123728942)/x) with lines dt 3 lc 1 title 'sleep-threads pool=map: Amdahl f=0.012', \
     'speedup.dat' index 1 using 1:2 with linespoints lc 2 pt 7 title 'sleep-threads pool=submit', \
     1/(0.0281169215 + (1-0.0281169215)/x) with lines dt 3 lc 2 title 'sleep-threads pool=submit: Amdahl f=0.028', \
     'speedup.dat' index 2 using 1:2 with linespoints lc 3 pt 7 title 'sleep-processes pool=map', \
     1/(0.0111691492 + (1-0.0111691492)/x) with lines dt 3 lc 3 title 'sleep-processes pool=map: Amdahl f=0.011', \
     'speedup.dat' index 3 using 1:2 with linespoints lc 4 pt 7 title 'sleep-processes pool=submit', \
     1/(0.0617354502 + (1-0.0617354502)/x) with lines dt 3 lc 4 title 'sleep-processes pool=submit: Amdahl f=0.062', \
     'speedup.dat' index 4 using 1:2 with linespoints lc 5 pt 7 title 'factor-threads pool=map', \
     1/(0.27739981 + (1-0.27739981)/x) with lines dt 3 lc 5 title 'factor-threads pool=map: Amdahl f=0.277', \
     'speedup.dat' index 5 using 1:2 with linespoints lc 6 pt 7 title 'factor-threads pool=submit', \
     1/(0.280945818 + (1-0.280945818)/x) with lines dt 3 lc 6 title 'factor-threads pool=submit: Amdahl f=0.281', \
     'speedup.dat' index 6 using 1:2 with linespoints lc 7 pt 7 title 'factor-processes pool=map', \
     1/(0.276928054 + (1-0.276928054)/x) with lines dt 3 lc 7 title 'factor-processes pool=map: Amdahl f=0.277', \
     'speedup.dat' index 7 using 1:2 with linespoints lc 8 pt 7 title 'factor-processes pool=submit', \
     1/(0.282497106 + (1-0.282497106)/x) with lines dt 3 lc 8 title 'factor-processes pool=submit: Amdahl f=0.282'
set terminal svg size 1000,900 noenhanced
set output 'speedup.svg'
replot
