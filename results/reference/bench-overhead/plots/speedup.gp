# speedup.gp - speedup against workers per series, ideal line and Amdahl fit.
# Written by scal-run; render with: gnuplot speedup.gp (writes speedup.png and speedup.svg).
if (strstrt(GPVAL_TERMINALS, 'pngcairo') > 0) {
    set terminal pngcairo size 1000,1540 noenhanced
} else {
    set terminal png size 1000,1540 noenhanced
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
     'speedup.dat' index 0 using 1:2 with linespoints lc 1 pt 7 title 'omp-us0 pool=map', \
     1/(0.0160029569 + (1-0.0160029569)/x) with lines dt 3 lc 1 title 'omp-us0 pool=map: Amdahl f=0.016', \
     'speedup.dat' index 1 using 1:2 with linespoints lc 2 pt 7 title 'omp-us0 pool=submit', \
     1/(1 + (1-1)/x) with lines dt 3 lc 2 title 'omp-us0 pool=submit: Amdahl f=1.000', \
     'speedup.dat' index 2 using 1:2 with linespoints lc 3 pt 7 title 'omp-us0 pool=as-completed', \
     1/(0.972875726 + (1-0.972875726)/x) with lines dt 3 lc 3 title 'omp-us0 pool=as-completed: Amdahl f=0.973', \
     'speedup.dat' index 3 using 1:2 with linespoints lc 4 pt 7 title 'omp-us1 pool=map', \
     1/(0.00419162901 + (1-0.00419162901)/x) with lines dt 3 lc 4 title 'omp-us1 pool=map: Amdahl f=0.004', \
     'speedup.dat' index 4 using 1:2 with linespoints lc 5 pt 7 title 'omp-us1 pool=submit', \
     1/(0.0360895757 + (1-0.0360895757)/x) with lines dt 3 lc 5 title 'omp-us1 pool=submit: Amdahl f=0.036', \
     'speedup.dat' index 5 using 1:2 with linespoints lc 6 pt 7 title 'omp-us1 pool=as-completed', \
     1/(0.156079022 + (1-0.156079022)/x) with lines dt 3 lc 6 title 'omp-us1 pool=as-completed: Amdahl f=0.156', \
     'speedup.dat' index 6 using 1:2 with linespoints lc 7 pt 7 title 'omp-us10 pool=map', \
     1/(0.00774965336 + (1-0.00774965336)/x) with lines dt 3 lc 7 title 'omp-us10 pool=map: Amdahl f=0.008', \
     'speedup.dat' index 7 using 1:2 with linespoints lc 8 pt 7 title 'omp-us10 pool=submit', \
     1/(0.0056593137 + (1-0.0056593137)/x) with lines dt 3 lc 8 title 'omp-us10 pool=submit: Amdahl f=0.006', \
     'speedup.dat' index 8 using 1:2 with linespoints lc 9 pt 7 title 'omp-us10 pool=as-completed', \
     1/(0.00647406046 + (1-0.00647406046)/x) with lines dt 3 lc 9 title 'omp-us10 pool=as-completed: Amdahl f=0.006', \
     'speedup.dat' index 9 using 1:2 with linespoints lc 10 pt 7 title 'omp-us100 pool=map', \
     1/(0.00466410081 + (1-0.00466410081)/x) with lines dt 3 lc 10 title 'omp-us100 pool=map: Amdahl f=0.005', \
     'speedup.dat' index 10 using 1:2 with linespoints lc 11 pt 7 title 'omp-us100 pool=submit', \
     1/(0.000884400694 + (1-0.000884400694)/x) with lines dt 3 lc 11 title 'omp-us100 pool=submit: Amdahl f=0.001', \
     'speedup.dat' index 11 using 1:2 with linespoints lc 12 pt 7 title 'omp-us100 pool=as-completed', \
     1/(0.00318869529 + (1-0.00318869529)/x) with lines dt 3 lc 12 title 'omp-us100 pool=as-completed: Amdahl f=0.003', \
     'speedup.dat' index 12 using 1:2 with linespoints lc 13 pt 7 title 'mpi-us0 pool=map', \
     1/(0 + (1-0)/x) with lines dt 3 lc 13 title 'mpi-us0 pool=map: Amdahl f=0.000', \
     'speedup.dat' index 13 using 1:2 with linespoints lc 14 pt 7 title 'mpi-us0 pool=submit', \
     1/(1 + (1-1)/x) with lines dt 3 lc 14 title 'mpi-us0 pool=submit: Amdahl f=1.000', \
     'speedup.dat' index 14 using 1:2 with linespoints lc 15 pt 7 title 'mpi-us0 pool=as-completed', \
     1/(1 + (1-1)/x) with lines dt 3 lc 15 title 'mpi-us0 pool=as-completed: Amdahl f=1.000', \
     'speedup.dat' index 15 using 1:2 with linespoints lc 16 pt 7 title 'mpi-us1 pool=map', \
     1/(0 + (1-0)/x) with lines dt 3 lc 16 title 'mpi-us1 pool=map: Amdahl f=0.000', \
     'speedup.dat' index 16 using 1:2 with linespoints lc 17 pt 7 title 'mpi-us1 pool=submit', \
     1/(0.797179998 + (1-0.797179998)/x) with lines dt 3 lc 17 title 'mpi-us1 pool=submit: Amdahl f=0.797', \
     'speedup.dat' index 17 using 1:2 with linespoints lc 18 pt 7 title 'mpi-us1 pool=as-completed', \
     1/(0.648325778 + (1-0.648325778)/x) with lines dt 3 lc 18 title 'mpi-us1 pool=as-completed: Amdahl f=0.648', \
     'speedup.dat' index 18 using 1:2 with linespoints lc 19 pt 7 title 'mpi-us10 pool=map', \
     1/(0.00568463879 + (1-0.00568463879)/x) with lines dt 3 lc 19 title 'mpi-us10 pool=map: Amdahl f=0.006', \
     'speedup.dat' index 19 using 1:2 with linespoints lc 20 pt 7 title 'mpi-us10 pool=submit', \
     1/(0.0206407427 + (1-0.0206407427)/x) with lines dt 3 lc 20 title 'mpi-us10 pool=submit: Amdahl f=0.021', \
     'speedup.dat' index 20 using 1:2 with linespoints lc 21 pt 7 title 'mpi-us10 pool=as-completed', \
     1/(0.0440641977 + (1-0.0440641977)/x) with lines dt 3 lc 21 title 'mpi-us10 pool=as-completed: Amdahl f=0.044', \
     'speedup.dat' index 21 using 1:2 with linespoints lc 22 pt 7 title 'mpi-us100 pool=map', \
     1/(0.00387863599 + (1-0.00387863599)/x) with lines dt 3 lc 22 title 'mpi-us100 pool=map: Amdahl f=0.004', \
     'speedup.dat' index 22 using 1:2 with linespoints lc 23 pt 7 title 'mpi-us100 pool=submit', \
     1/(0 + (1-0)/x) with lines dt 3 lc 23 title 'mpi-us100 pool=submit: Amdahl f=0.000', \
     'speedup.dat' index 23 using 1:2 with linespoints lc 24 pt 7 title 'mpi-us100 pool=as-completed', \
     1/(0.00431803687 + (1-0.00431803687)/x) with lines dt 3 lc 24 title 'mpi-us100 pool=as-completed: Amdahl f=0.004'
set terminal svg size 1000,1540 noenhanced
set output 'speedup.svg'
replot
