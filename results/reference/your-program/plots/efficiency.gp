# efficiency.gp - parallel efficiency S/p against workers per series.
# Written by scal-run; render with: gnuplot efficiency.gp (writes efficiency.png and efficiency.svg).
if (strstrt(GPVAL_TERMINALS, 'pngcairo') > 0) {
    set terminal pngcairo size 1000,640 noenhanced
} else {
    set terminal png size 1000,640 noenhanced
}
set output 'efficiency.png'
set grid
set title 'Efficiency S(p)/p'
set xlabel 'workers'
set ylabel 'efficiency'
set logscale x 2
set yrange [0:*]
set key outside below Left reverse maxcols 1
set xrange [0.8:2.5]
plot 1 title 'ideal' with lines dt 2 lc 'black', \
     'speedup.dat' index 0 using 1:3 with linespoints lc 1 pt 7 title 'omp-rate', \
     'speedup.dat' index 1 using 1:3 with linespoints lc 2 pt 7 title 'mpi-time', \
     'speedup.dat' index 2 using 1:3 with linespoints lc 3 pt 7 title 'omp-wall'
set terminal svg size 1000,640 noenhanced
set output 'efficiency.svg'
replot
