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
set xrange [0.8:5]
set samples 200
plot x title 'ideal' with lines dt 2 lc 'black', \
     'speedup.dat' index 0 using 1:2 with linespoints lc 1 pt 7 title 'threads', \
     1/(0.294701803 + (1-0.294701803)/x) with lines dt 3 lc 1 title 'threads: Amdahl f=0.295', \
     'speedup.dat' index 1 using 1:2 with linespoints lc 2 pt 7 title 'processes share=per-task', \
     1/(0.514740346 + (1-0.514740346)/x) with lines dt 3 lc 2 title 'processes share=per-task: Amdahl f=0.515', \
     'speedup.dat' index 2 using 1:2 with linespoints lc 3 pt 7 title 'processes share=copy', \
     1/(0.364141791 + (1-0.364141791)/x) with lines dt 3 lc 3 title 'processes share=copy: Amdahl f=0.364', \
     'speedup.dat' index 3 using 1:2 with linespoints lc 4 pt 7 title 'processes share=window', \
     1/(0.509037397 + (1-0.509037397)/x) with lines dt 3 lc 4 title 'processes share=window: Amdahl f=0.509'
set terminal svg size 1000,740 noenhanced
set output 'speedup.svg'
replot
