# speedup.gp - speedup against workers per series, ideal line and Amdahl fit.
# Written by scal-run; render with: gnuplot speedup.gp (writes speedup.png and speedup.svg).
if (strstrt(GPVAL_TERMINALS, 'pngcairo') > 0) {
    set terminal pngcairo size 1000,840 noenhanced
} else {
    set terminal png size 1000,840 noenhanced
}
set output 'speedup.png'
set grid
set title 'Speedup T(1)/T(p) from median wall time, with 95% CIs (bootstrap)'
set xlabel 'workers'
set ylabel 'speedup'
set logscale xy 2
set key outside below Left reverse maxcols 1
set xrange [0.8:1.25]
set samples 200
plot x title 'ideal' with lines dt 2 lc 'black', \
     'speedup.dat' index 0 using 1:2 with linespoints lc 1 pt 7 title 'matvec nodes=1024 fraction=0.001', \
     'speedup.dat' index 0 using 1:2:7:8 with yerrorbars lc 1 pt 7 notitle, \
     'speedup.dat' index 1 using 1:2 with linespoints lc 2 pt 7 title 'matvec nodes=1024 fraction=0.01', \
     'speedup.dat' index 1 using 1:2:7:8 with yerrorbars lc 2 pt 7 notitle, \
     'speedup.dat' index 2 using 1:2 with linespoints lc 3 pt 7 title 'matvec nodes=4096 fraction=0.001', \
     'speedup.dat' index 2 using 1:2:7:8 with yerrorbars lc 3 pt 7 notitle, \
     'speedup.dat' index 3 using 1:2 with linespoints lc 4 pt 7 title 'matvec nodes=4096 fraction=0.01', \
     'speedup.dat' index 3 using 1:2:7:8 with yerrorbars lc 4 pt 7 notitle, \
     'speedup.dat' index 4 using 1:2 with linespoints lc 5 pt 7 title 'bitset nodes=1024 fraction=0.001', \
     'speedup.dat' index 4 using 1:2:7:8 with yerrorbars lc 5 pt 7 notitle, \
     'speedup.dat' index 5 using 1:2 with linespoints lc 6 pt 7 title 'bitset nodes=1024 fraction=0.01', \
     'speedup.dat' index 5 using 1:2:7:8 with yerrorbars lc 6 pt 7 notitle, \
     'speedup.dat' index 6 using 1:2 with linespoints lc 7 pt 7 title 'bitset nodes=4096 fraction=0.001', \
     'speedup.dat' index 6 using 1:2:7:8 with yerrorbars lc 7 pt 7 notitle, \
     'speedup.dat' index 7 using 1:2 with linespoints lc 8 pt 7 title 'bitset nodes=4096 fraction=0.01', \
     'speedup.dat' index 7 using 1:2:7:8 with yerrorbars lc 8 pt 7 notitle, \
     'speedup.dat' index 8 using 1:2 with linespoints lc 9 pt 7 title 'bitset-large nodes=100000 fraction=0.0001', \
     'speedup.dat' index 8 using 1:2:7:8 with yerrorbars lc 9 pt 7 notitle, \
     'speedup.dat' index 9 using 1:2 with linespoints lc 10 pt 7 title 'bitset-large nodes=100000 fraction=0.0005', \
     'speedup.dat' index 9 using 1:2:7:8 with yerrorbars lc 10 pt 7 notitle, \
     'speedup.dat' index 10 using 1:2 with linespoints lc 11 pt 7 title 'bitset-large nodes=20000 fraction=0.0001', \
     'speedup.dat' index 10 using 1:2:7:8 with yerrorbars lc 11 pt 7 notitle, \
     'speedup.dat' index 11 using 1:2 with linespoints lc 12 pt 7 title 'bitset-large nodes=20000 fraction=0.0005', \
     'speedup.dat' index 11 using 1:2:7:8 with yerrorbars lc 12 pt 7 notitle, \
     'speedup.dat' index 12 using 1:2 with linespoints lc 13 pt 7 title 'bitset-grouped', \
     'speedup.dat' index 12 using 1:2:7:8 with yerrorbars lc 13 pt 7 notitle
set terminal svg size 1000,840 noenhanced
set output 'speedup.svg'
replot
