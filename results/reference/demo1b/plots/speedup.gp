# speedup.gp - speedup against workers per series, ideal line and Amdahl fit.
# Written by scal-run; render with: gnuplot speedup.gp (writes speedup.png and speedup.svg).
if (strstrt(GPVAL_TERMINALS, 'pngcairo') > 0) {
    set terminal pngcairo size 1000,820 noenhanced
} else {
    set terminal png size 1000,820 noenhanced
}
set output 'speedup.png'
set grid
set title 'Speedup T(1)/T(p) from median wall time'
set xlabel 'workers'
set ylabel 'speedup'
set logscale xy 2
set key outside below Left reverse maxcols 1
set xrange [0.8:10]
set samples 200
plot x title 'ideal' with lines dt 2 lc 'black', \
     'speedup.dat' index 0 using 1:2 with linespoints lc 1 pt 7 title 'sleep-threads pool=submit', \
     1/(0.0373514878 + (1-0.0373514878)/x) with lines dt 3 lc 1 title 'sleep-threads pool=submit: Amdahl f=0.037', \
     'speedup.dat' index 1 using 1:2 with linespoints lc 2 pt 7 title 'sleep-threads pool=as-completed', \
     1/(0.0373430161 + (1-0.0373430161)/x) with lines dt 3 lc 2 title 'sleep-threads pool=as-completed: Amdahl f=0.037', \
     'speedup.dat' index 2 using 1:2 with linespoints lc 3 pt 7 title 'factor-threads pool=submit', \
     1/(0.0888724847 + (1-0.0888724847)/x) with lines dt 3 lc 3 title 'factor-threads pool=submit: Amdahl f=0.089', \
     'speedup.dat' index 3 using 1:2 with linespoints lc 4 pt 7 title 'factor-threads pool=as-completed', \
     1/(0.0658148688 + (1-0.0658148688)/x) with lines dt 3 lc 4 title 'factor-threads pool=as-completed: Amdahl f=0.066', \
     'speedup.dat' index 4 using 1:2 with linespoints lc 5 pt 7 title 'factor-processes pool=submit', \
     1/(0.0771518153 + (1-0.0771518153)/x) with lines dt 3 lc 5 title 'factor-processes pool=submit: Amdahl f=0.077', \
     'speedup.dat' index 5 using 1:2 with linespoints lc 6 pt 7 title 'factor-processes pool=as-completed', \
     1/(0.0721109361 + (1-0.0721109361)/x) with lines dt 3 lc 6 title 'factor-processes pool=as-completed: Amdahl f=0.072'
set terminal svg size 1000,820 noenhanced
set output 'speedup.svg'
replot
