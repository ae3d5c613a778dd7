# speedup.gp - speedup against workers per series, ideal line and Amdahl fit.
# Written by scal-run; render with: gnuplot speedup.gp (writes speedup.png and speedup.svg).
if (strstrt(GPVAL_TERMINALS, 'pngcairo') > 0) {
    set terminal pngcairo size 1000,1100 noenhanced
} else {
    set terminal png size 1000,1100 noenhanced
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
     'speedup.dat' index 0 using 1:2 with linespoints lc 1 pt 7 title 'd1-sleep-threads pool=map gil=off', \
     1/(0.0281969184 + (1-0.0281969184)/x) with lines dt 3 lc 1 title 'd1-sleep-threads pool=map gil=off: Amdahl f=0.028', \
     'speedup.dat' index 1 using 1:2 with linespoints lc 2 pt 7 title 'd1-sleep-threads pool=map gil=on', \
     1/(0.0279959923 + (1-0.0279959923)/x) with lines dt 3 lc 2 title 'd1-sleep-threads pool=map gil=on: Amdahl f=0.028', \
     'speedup.dat' index 2 using 1:2 with linespoints lc 3 pt 7 title 'd1-sleep-threads pool=submit gil=off', \
     1/(0.0478748593 + (1-0.0478748593)/x) with lines dt 3 lc 3 title 'd1-sleep-threads pool=submit gil=off: Amdahl f=0.048', \
     'speedup.dat' index 3 using 1:2 with linespoints lc 4 pt 7 title 'd1-sleep-threads pool=submit gil=on', \
     1/(0.0479437601 + (1-0.0479437601)/x) with lines dt 3 lc 4 title 'd1-sleep-threads pool=submit gil=on: Amdahl f=0.048', \
     'speedup.dat' index 4 using 1:2 with linespoints lc 5 pt 7 title 'd1c-factor-threads gil=on', \
     1/(1 + (1-1)/x) with lines dt 3 lc 5 title 'd1c-factor-threads gil=on: Amdahl f=1.000', \
     'speedup.dat' index 5 using 1:2 with linespoints lc 6 pt 7 title 'd1c-factor-threads gil=off', \
     1/(0.0672406733 + (1-0.0672406733)/x) with lines dt 3 lc 6 title 'd1c-factor-threads gil=off: Amdahl f=0.067', \
     'speedup.dat' index 6 using 1:2 with linespoints lc 7 pt 7 title 'd1c-factor-processes pool=map', \
     1/(0.0854956253 + (1-0.0854956253)/x) with lines dt 3 lc 7 title 'd1c-factor-processes pool=map: Amdahl f=0.085', \
     'speedup.dat' index 7 using 1:2 with linespoints lc 8 pt 7 title 'd1c-factor-processes pool=submit', \
     1/(0.085707081 + (1-0.085707081)/x) with lines dt 3 lc 8 title 'd1c-factor-processes pool=submit: Amdahl f=0.086', \
     'speedup.dat' index 8 using 1:2 with linespoints lc 9 pt 7 title 'd1b-as-completed pool=submit', \
     'speedup.dat' index 9 using 1:2 with linespoints lc 10 pt 7 title 'd1b-as-completed pool=as-completed', \
     'speedup.dat' index 10 using 1:2 with linespoints lc 11 pt 7 title 'd2-paths-threads', \
     1/(0 + (1-0)/x) with lines dt 3 lc 11 title 'd2-paths-threads: Amdahl f=0.000', \
     'speedup.dat' index 11 using 1:2 with linespoints lc 12 pt 7 title 'd2-paths-processes share=per-task', \
     1/(1 + (1-1)/x) with lines dt 3 lc 12 title 'd2-paths-processes share=per-task: Amdahl f=1.000', \
     'speedup.dat' index 12 using 1:2 with linespoints lc 13 pt 7 title 'd2-paths-processes share=copy', \
     1/(0.487002428 + (1-0.487002428)/x) with lines dt 3 lc 13 title 'd2-paths-processes share=copy: Amdahl f=0.487', \
     'speedup.dat' index 13 using 1:2 with linespoints lc 14 pt 7 title 'd2-paths-processes share=window', \
     1/(0.162996186 + (1-0.162996186)/x) with lines dt 3 lc 14 title 'd2-paths-processes share=window: Amdahl f=0.163'
set terminal svg size 1000,1100 noenhanced
set output 'speedup.svg'
replot
