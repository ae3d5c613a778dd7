# efficiency.gp - parallel efficiency S/p against workers per series.
# Written by scal-run; render with: gnuplot efficiency.gp (writes efficiency.png and efficiency.svg).
if (strstrt(GPVAL_TERMINALS, 'pngcairo') > 0) {
    set terminal pngcairo size 1000,1060 noenhanced
} else {
    set terminal png size 1000,1060 noenhanced
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
     'speedup.dat' index 0 using 1:3 with linespoints lc 1 pt 7 title 'omp-us0 pool=as-completed', \
     'speedup.dat' index 1 using 1:3 with linespoints lc 2 pt 7 title 'omp-us0 pool=map', \
     'speedup.dat' index 2 using 1:3 with linespoints lc 3 pt 7 title 'omp-us0 pool=submit', \
     'speedup.dat' index 3 using 1:3 with linespoints lc 4 pt 7 title 'omp-us1 pool=as-completed', \
     'speedup.dat' index 4 using 1:3 with linespoints lc 5 pt 7 title 'omp-us1 pool=map', \
     'speedup.dat' index 5 using 1:3 with linespoints lc 6 pt 7 title 'omp-us1 pool=submit', \
     'speedup.dat' index 6 using 1:3 with linespoints lc 7 pt 7 title 'omp-us10 pool=as-completed', \
     'speedup.dat' index 7 using 1:3 with linespoints lc 8 pt 7 title 'omp-us10 pool=map', \
     'speedup.dat' index 8 using 1:3 with linespoints lc 9 pt 7 title 'omp-us10 pool=submit', \
     'speedup.dat' index 9 using 1:3 with linespoints lc 10 pt 7 title 'omp-us100 pool=as-completed', \
     'speedup.dat' index 10 using 1:3 with linespoints lc 11 pt 7 title 'omp-us100 pool=map', \
     'speedup.dat' index 11 using 1:3 with linespoints lc 12 pt 7 title 'omp-us100 pool=submit', \
     'speedup.dat' index 12 using 1:3 with linespoints lc 13 pt 7 title 'mpi-us0 pool=as-completed', \
     'speedup.dat' index 13 using 1:3 with linespoints lc 14 pt 7 title 'mpi-us0 pool=map', \
     'speedup.dat' index 14 using 1:3 with linespoints lc 15 pt 7 title 'mpi-us0 pool=submit', \
     'speedup.dat' index 15 using 1:3 with linespoints lc 16 pt 7 title 'mpi-us1 pool=as-completed', \
     'speedup.dat' index 16 using 1:3 with linespoints lc 17 pt 7 title 'mpi-us1 pool=map', \
     'speedup.dat' index 17 using 1:3 with linespoints lc 18 pt 7 title 'mpi-us1 pool=submit', \
     'speedup.dat' index 18 using 1:3 with linespoints lc 19 pt 7 title 'mpi-us10 pool=as-completed', \
     'speedup.dat' index 19 using 1:3 with linespoints lc 20 pt 7 title 'mpi-us10 pool=map', \
     'speedup.dat' index 20 using 1:3 with linespoints lc 21 pt 7 title 'mpi-us10 pool=submit', \
     'speedup.dat' index 21 using 1:3 with linespoints lc 22 pt 7 title 'mpi-us100 pool=as-completed', \
     'speedup.dat' index 22 using 1:3 with linespoints lc 23 pt 7 title 'mpi-us100 pool=map', \
     'speedup.dat' index 23 using 1:3 with linespoints lc 24 pt 7 title 'mpi-us100 pool=submit'
set terminal svg size 1000,1060 noenhanced
set output 'efficiency.svg'
replot
