# speedup.gp - speedup against workers per series, ideal line and Amdahl fit.
# Written by scal-run; render with: gnuplot speedup.gp (writes speedup.png and speedup.svg).
if (strstrt(GPVAL_TERMINALS, 'pngcairo') > 0) {
    set terminal pngcairo size 1000,1060 noenhanced
} else {
    set terminal png size 1000,1060 noenhanced
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
     'speedup.dat' index 0 using 1:2 with linespoints lc 1 pt 7 title 'omp-us0 pool=as-completed', \
     'speedup.dat' index 0 using 1:2:7:8 with yerrorbars lc 1 pt 7 notitle, \
     'speedup.dat' index 1 using 1:2 with linespoints lc 2 pt 7 title 'omp-us0 pool=map', \
     'speedup.dat' index 1 using 1:2:7:8 with yerrorbars lc 2 pt 7 notitle, \
     'speedup.dat' index 2 using 1:2 with linespoints lc 3 pt 7 title 'omp-us0 pool=submit', \
     'speedup.dat' index 2 using 1:2:7:8 with yerrorbars lc 3 pt 7 notitle, \
     'speedup.dat' index 3 using 1:2 with linespoints lc 4 pt 7 title 'omp-us1 pool=as-completed', \
     'speedup.dat' index 3 using 1:2:7:8 with yerrorbars lc 4 pt 7 notitle, \
     'speedup.dat' index 4 using 1:2 with linespoints lc 5 pt 7 title 'omp-us1 pool=map', \
     'speedup.dat' index 4 using 1:2:7:8 with yerrorbars lc 5 pt 7 notitle, \
     'speedup.dat' index 5 using 1:2 with linespoints lc 6 pt 7 title 'omp-us1 pool=submit', \
     'speedup.dat' index 5 using 1:2:7:8 with yerrorbars lc 6 pt 7 notitle, \
     'speedup.dat' index 6 using 1:2 with linespoints lc 7 pt 7 title 'omp-us10 pool=as-completed', \
     'speedup.dat' index 6 using 1:2:7:8 with yerrorbars lc 7 pt 7 notitle, \
     'speedup.dat' index 7 using 1:2 with linespoints lc 8 pt 7 title 'omp-us10 pool=map', \
     'speedup.dat' index 7 using 1:2:7:8 with yerrorbars lc 8 pt 7 notitle, \
     'speedup.dat' index 8 using 1:2 with linespoints lc 9 pt 7 title 'omp-us10 pool=submit', \
     'speedup.dat' index 8 using 1:2:7:8 with yerrorbars lc 9 pt 7 notitle, \
     'speedup.dat' index 9 using 1:2 with linespoints lc 10 pt 7 title 'omp-us100 pool=as-completed', \
     'speedup.dat' index 9 using 1:2:7:8 with yerrorbars lc 10 pt 7 notitle, \
     'speedup.dat' index 10 using 1:2 with linespoints lc 11 pt 7 title 'omp-us100 pool=map', \
     'speedup.dat' index 10 using 1:2:7:8 with yerrorbars lc 11 pt 7 notitle, \
     'speedup.dat' index 11 using 1:2 with linespoints lc 12 pt 7 title 'omp-us100 pool=submit', \
     'speedup.dat' index 11 using 1:2:7:8 with yerrorbars lc 12 pt 7 notitle, \
     'speedup.dat' index 12 using 1:2 with linespoints lc 13 pt 7 title 'mpi-us0 pool=as-completed', \
     'speedup.dat' index 12 using 1:2:7:8 with yerrorbars lc 13 pt 7 notitle, \
     'speedup.dat' index 13 using 1:2 with linespoints lc 14 pt 7 title 'mpi-us0 pool=map', \
     'speedup.dat' index 13 using 1:2:7:8 with yerrorbars lc 14 pt 7 notitle, \
     'speedup.dat' index 14 using 1:2 with linespoints lc 15 pt 7 title 'mpi-us0 pool=submit', \
     'speedup.dat' index 14 using 1:2:7:8 with yerrorbars lc 15 pt 7 notitle, \
     'speedup.dat' index 15 using 1:2 with linespoints lc 16 pt 7 title 'mpi-us1 pool=as-completed', \
     'speedup.dat' index 15 using 1:2:7:8 with yerrorbars lc 16 pt 7 notitle, \
     'speedup.dat' index 16 using 1:2 with linespoints lc 17 pt 7 title 'mpi-us1 pool=map', \
     'speedup.dat' index 16 using 1:2:7:8 with yerrorbars lc 17 pt 7 notitle, \
     'speedup.dat' index 17 using 1:2 with linespoints lc 18 pt 7 title 'mpi-us1 pool=submit', \
     'speedup.dat' index 17 using 1:2:7:8 with yerrorbars lc 18 pt 7 notitle, \
     'speedup.dat' index 18 using 1:2 with linespoints lc 19 pt 7 title 'mpi-us10 pool=as-completed', \
     'speedup.dat' index 18 using 1:2:7:8 with yerrorbars lc 19 pt 7 notitle, \
     'speedup.dat' index 19 using 1:2 with linespoints lc 20 pt 7 title 'mpi-us10 pool=map', \
     'speedup.dat' index 19 using 1:2:7:8 with yerrorbars lc 20 pt 7 notitle, \
     'speedup.dat' index 20 using 1:2 with linespoints lc 21 pt 7 title 'mpi-us10 pool=submit', \
     'speedup.dat' index 20 using 1:2:7:8 with yerrorbars lc 21 pt 7 notitle, \
     'speedup.dat' index 21 using 1:2 with linespoints lc 22 pt 7 title 'mpi-us100 pool=as-completed', \
     'speedup.dat' index 21 using 1:2:7:8 with yerrorbars lc 22 pt 7 notitle, \
     'speedup.dat' index 22 using 1:2 with linespoints lc 23 pt 7 title 'mpi-us100 pool=map', \
     'speedup.dat' index 22 using 1:2:7:8 with yerrorbars lc 23 pt 7 notitle, \
     'speedup.dat' index 23 using 1:2 with linespoints lc 24 pt 7 title 'mpi-us100 pool=submit', \
     'speedup.dat' index 23 using 1:2:7:8 with yerrorbars lc 24 pt 7 notitle
set terminal svg size 1000,1060 noenhanced
set output 'speedup.svg'
replot
