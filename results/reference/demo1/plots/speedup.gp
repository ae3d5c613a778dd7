# speedup.gp - speedup against workers per series, ideal line and Amdahl fit.
# Written by scal-run; render with: gnuplot speedup.gp (writes speedup.png and speedup.svg).
if (strstrt(GPVAL_TERMINALS, 'pngcairo') > 0) {
    set terminal pngcairo size 1000,780 noenhanced
} else {
    set terminal png size 1000,780 noenhanced
}
set output 'speedup.png'
set grid
set title 'Speedup T(1)/T(p) from median wall time, with 95% CIs (bootstrap)'
set xlabel 'workers'
set ylabel 'speedup'
set logscale xy 2
set key outside below Left reverse maxcols 1
set xrange [0.8:20]
set samples 200
plot x title 'ideal' with lines dt 2 lc 'black', \
     'speedup.dat' index 0 using 1:2 with linespoints lc 1 pt 7 title 'sleep-threads pool=map', \
     'speedup.dat' index 0 using 1:2:7:8 with yerrorbars lc 1 pt 7 notitle, \
     1/(0.0123807996 + (1-0.0123807996)/x) with lines dt 3 lc 1 title 'sleep-threads pool=map: Amdahl f=0.012', \
     'speedup.dat' index 1 using 1:2 with linespoints lc 2 pt 7 title 'sleep-threads pool=submit', \
     'speedup.dat' index 1 using 1:2:7:8 with yerrorbars lc 2 pt 7 notitle, \
     1/(0.0281640626 + (1-0.0281640626)/x) with lines dt 3 lc 2 title 'sleep-threads pool=submit: Amdahl f=0.028', \
     'speedup.dat' index 2 using 1:2 with linespoints lc 3 pt 7 title 'sleep-processes pool=map', \
     'speedup.dat' index 2 using 1:2:7:8 with yerrorbars lc 3 pt 7 notitle, \
     'speedup.dat' index 3 using 1:2 with linespoints lc 4 pt 7 title 'sleep-processes pool=submit', \
     'speedup.dat' index 3 using 1:2:7:8 with yerrorbars lc 4 pt 7 notitle, \
     'speedup.dat' index 4 using 1:2 with linespoints lc 5 pt 7 title 'factor-threads pool=map', \
     'speedup.dat' index 4 using 1:2:7:8 with yerrorbars lc 5 pt 7 notitle, \
     'speedup.dat' index 5 using 1:2 with linespoints lc 6 pt 7 title 'factor-threads pool=submit', \
     'speedup.dat' index 5 using 1:2:7:8 with yerrorbars lc 6 pt 7 notitle, \
     'speedup.dat' index 6 using 1:2 with linespoints lc 7 pt 7 title 'factor-processes pool=map', \
     'speedup.dat' index 6 using 1:2:7:8 with yerrorbars lc 7 pt 7 notitle, \
     'speedup.dat' index 7 using 1:2 with linespoints lc 8 pt 7 title 'factor-processes pool=submit', \
     'speedup.dat' index 7 using 1:2:7:8 with yerrorbars lc 8 pt 7 notitle
set terminal svg size 1000,780 noenhanced
set output 'speedup.svg'
replot
