# spread.gp - every repetition's wall time over its point's median, one panel per series.
# Written by scal-run; render with: gnuplot spread.gp (writes spread.png and spread.svg).
set encoding utf8
$r0 << EOD
# x wall/median noisy
1 0.972148 0
1 1.02121 0
1 1.0195 0
1 0.997132 0
1 0.961214 0
1 0.99203 0
1 1.0264 0
1 1.02106 0
1 1.00287 0
1 0.959757 0
2 0.960922 0
2 0.948252 0
2 1.01574 0
2 0.977146 0
2 1.00098 0
2 0.999016 0
2 1.05599 0
2 1.00771 0
2 1.01876 0
2 0.958435 0
4 0.987469 0
4 0.990482 0
4 1.07448 0
4 0.99707 0
4 0.999032 0
4 1.00097 0
4 0.996457 0
4 1.03358 0
4 1.05109 0
4 1.01682 0
8 0.999874 0
8 1.00814 0
8 1.02706 0
8 0.971629 0
8 1.01817 0
8 0.965315 0
8 1.00013 0
8 1.01944 0
8 0.962466 0
8 0.974052 0
EOD
$r1 << EOD
# x wall/median noisy
1 1.01234 1
1 1 1
1 1.02092 1
1 0.976457 1
1 0.98099 1
1 0.976152 1
1 1.00651 1
2 0.982716 1
2 1.03173 1
2 0.999723 1
2 1.00028 1
2 0.993753 1
2 1.02713 1
2 1.05057 1
2 1.03879 1
2 0.983489 1
2 0.996684 1
4 1.01882 0
4 1.00888 0
4 0.964262 0
4 0.932558 0
4 0.991117 0
4 1.18271 1
4 1.01702 0
4 1.02331 0
4 0.925918 0
4 0.938844 0
EOD
do for [fmt in 'png svg'] {
if (fmt eq 'svg') {
    set terminal svg size 940,380 noenhanced font 'sans,11' background '#ffffff'
} else {
    if (strstrt(GPVAL_TERMINALS, 'pngcairo') > 0) {
        set terminal pngcairo size 940,380 noenhanced font 'sans,10'
    } else {
        set terminal png size 940,380 noenhanced
    }
}
set output 'spread.'.fmt
set multiplot layout 1,2 title 'Each repetition: wall / its point''s median (hollow: noisy; band: precision asked)' font ',12'
set grid lc rgb '#dddddd'
set xlabel 'workers'
set ylabel 'wall / median'
set logscale x 2
set key top right samplen 1 font ',9' box opaque
set title 'threads-gil' font ',11'
set xrange [0.769231:10.4]
set yrange [0.929242:1.08524]
set object 1 rect from graph 0, first 0.97 to graph 1, first 1.03 fc rgb '#e8e8e8' fs solid noborder behind
plot 1 notitle with lines lc rgb '#888888', \
     $r0 using 1:($3 == 0 ? $2 : NaN) with points lc rgb '#0072B2' pt 7 ps 0.9 title 'measured', \
     $r0 using 1:($3 != 0 ? $2 : NaN) with points lc rgb '#0072B2' pt 6 ps 1.1 notitle
unset object 1
set title 'processes' font ',11'
set xrange [0.769231:5.2]
set yrange [0.905375:1.20325]
set object 1 rect from graph 0, first 0.97 to graph 1, first 1.03 fc rgb '#e8e8e8' fs solid noborder behind
plot 1 notitle with lines lc rgb '#888888', \
     $r1 using 1:($3 == 0 ? $2 : NaN) with points lc rgb '#0072B2' pt 7 ps 0.9 title 'measured', \
     $r1 using 1:($3 != 0 ? $2 : NaN) with points lc rgb '#0072B2' pt 6 ps 1.1 notitle
unset object 1
unset multiplot
set output
}
