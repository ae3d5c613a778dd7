# efficiency.gp - parallel efficiency S/p against workers per series.
# Written by scal-run; render with: gnuplot efficiency.gp (writes efficiency.png and efficiency.svg).
if (strstrt(GPVAL_TERMINALS, 'pngcairo') > 0) {
    set terminal pngcairo size 1000,860 noenhanced
} else {
    set terminal png size 1000,860 noenhanced
}
set output 'efficiency.png'
set grid
set title 'Efficiency S(p)/p'
set xlabel 'workers'
set ylabel 'efficiency'
set logscale x 2
set yrange [0:*]
set key outside below Left reverse maxcols 1
set xrange [0.8:10]
plot 1 title 'ideal' with lines dt 2 lc 'black', \
     'speedup.dat' index 0 using 1:3 with linespoints lc 1 pt 7 title 'd1-sleep-threads pool=map gil=off', \
     'speedup.dat' index 1 using 1:3 with linespoints lc 2 pt 7 title 'd1-sleep-threads pool=map gil=on', \
     'speedup.dat' index 2 using 1:3 with linespoints lc 3 pt 7 title 'd1-sleep-threads pool=submit gil=off', \
     'speedup.dat' index 3 using 1:3 with linespoints lc 4 pt 7 title 'd1-sleep-threads pool=submit gil=on', \
     'speedup.dat' index 4 using 1:3 with linespoints lc 5 pt 7 title 'd1c-factor-threads gil=on', \
     'speedup.dat' index 5 using 1:3 with linespoints lc 6 pt 7 title 'd1c-factor-threads gil=off', \
     'speedup.dat' index 6 using 1:3 with linespoints lc 7 pt 7 title 'd1c-factor-processes pool=map', \
     'speedup.dat' index 7 using 1:3 with linespoints lc 8 pt 7 title 'd1c-factor-processes pool=submit', \
     'speedup.dat' index 8 using 1:3 with linespoints lc 9 pt 7 title 'd1b-as-completed pool=submit', \
     'speedup.dat' index 9 using 1:3 with linespoints lc 10 pt 7 title 'd1b-as-completed pool=as-completed', \
     'speedup.dat' index 10 using 1:3 with linespoints lc 11 pt 7 title 'd2-paths-threads', \
     'speedup.dat' index 11 using 1:3 with linespoints lc 12 pt 7 title 'd2-paths-processes share=per-task', \
     'speedup.dat' index 12 using 1:3 with linespoints lc 13 pt 7 title 'd2-paths-processes share=copy', \
     'speedup.dat' index 13 using 1:3 with linespoints lc 14 pt 7 title 'd2-paths-processes share=window'
set terminal svg size 1000,860 noenhanced
set output 'efficiency.svg'
replot
