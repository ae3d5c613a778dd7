# spread.gp - every repetition's wall time over its point's median, one panel per series.
# Written by scal-run; render with: gnuplot spread.gp (writes spread.png and spread.svg).
set encoding utf8
$r0 << EOD
# x wall/median noisy
1 0.995555 0
1 0.943618 0
1 1.20893 0
1 0.886301 0
1 1.00252 0
1 1.12262 0
1 1.04369 0
1 1.04754 0
1 0.945928 0
1 0.997476 0
2 1.17954 1
2 0.929584 0
2 0.911728 1
2 0.961999 1
2 1.00934 1
2 1.22142 1
2 1.01109 1
2 0.930974 1
2 0.990656 0
2 1.11885 0
4 1.14853 0
4 0.989111 0
4 1.11792 0
4 0.99405 0
4 1.02273 0
4 1.06081 0
4 1.00595 0
4 0.941327 0
4 0.881767 0
4 0.899902 0
EOD
$r1 << EOD
# x wall/median noisy
0.952638 1.00634 1
0.952638 0.981 1
0.952638 0.933021 1
0.952638 0.907782 1
0.952638 0.99244 1
0.952638 1.03301 1
0.952638 1.0594 1
0.952638 0.994892 1
0.952638 1.00511 1
0.952638 1.10364 1
1.90528 1.19142 1
1.90528 0.991982 1
1.90528 0.932921 1
1.90528 1.00802 1
1.90528 0.886733 1
1.90528 1.12313 1
1.90528 1.07967 1
1.90528 0.980056 1
1.90528 0.98502 1
1.90528 1.20451 1
3.81055 1.28267 0
3.81055 0.803946 1
3.81055 1.00356 0
3.81055 0.972581 0
3.81055 0.984818 0
3.81055 1.0333 0
3.81055 1.04018 0
3.81055 1.05353 0
3.81055 0.996441 0
3.81055 0.976975 1
EOD
$r2 << EOD
# x wall/median noisy
1 0.994252 1
1 0.96173 1
1 0.942892 1
1 0.94424 1
1 1.03244 1
1 1.00575 1
1 1.05384 1
1 1.04583 1
1 0.968894 1
1 1.09868 1
2 1.17142 1
2 0.944801 1
2 0.991849 1
2 0.988996 1
2 0.912081 1
2 1.0721 1
2 1.05133 1
2 1.01458 1
2 0.946374 1
2 1.00815 1
4 1.15442 0
4 1.00738 0
4 1.10363 0
4 0.959558 0
4 0.933013 1
4 0.992623 1
4 1.02232 0
4 0.976052 0
4 0.875222 0
4 1.07693 0
EOD
$r3 << EOD
# x wall/median noisy
1.04972 1.29188 1
1.04972 0.992112 1
1.04972 0.941758 1
1.04972 0.85953 1
1.04972 0.902575 1
1.04972 1.32313 1
1.04972 1.03299 1
1.04972 1.02503 1
1.04972 0.956921 1
1.04972 1.00789 1
2.09943 1.0803 1
2.09943 0.962838 1
2.09943 0.957591 1
2.09943 0.967595 1
2.09943 1.16108 1
2.09943 1.10173 1
2.09943 1.00197 1
2.09943 0.998029 1
2.09943 0.96483 1
2.09943 1.14018 1
4.19887 1.08235 0
4.19887 0.994962 0
4.19887 1.13557 0
4.19887 0.990277 0
4.19887 1.24185 0
4.19887 0.958127 0
4.19887 1.00547 0
4.19887 1.00504 1
4.19887 0.943882 0
4.19887 0.965009 0
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
set title 'threads' font ',11'
set xrange [0.769231:5.2]
set yrange [0.854595:1.24859]
set object 1 rect from graph 0, first 0.97 to graph 1, first 1.03 fc rgb '#e8e8e8' fs solid noborder behind
plot 1 notitle with lines lc rgb '#888888', \
     $r0 using 1:($3 == 0 ? $2 : NaN) with points lc rgb '#0072B2' pt 7 ps 0.9 title 'measured', \
     $r0 using 1:($3 != 0 ? $2 : NaN) with points lc rgb '#0072B2' pt 6 ps 1.1 notitle
unset object 1
set title 'processes' font ',11'
set xrange [0.769231:5.2]
set yrange [0.762411:1.36466]
set object 1 rect from graph 0, first 0.97 to graph 1, first 1.03 fc rgb '#e8e8e8' fs solid noborder behind
plot 1 notitle with lines lc rgb '#888888', \
     $r1 using 1:($3 == 0 ? $2 : NaN) with points lc rgb '#0072B2' pt 7 ps 0.9 title 'share=copy', \
     $r1 using 1:($3 != 0 ? $2 : NaN) with points lc rgb '#0072B2' pt 6 ps 1.1 notitle, \
     $r2 using 1:($3 == 0 ? $2 : NaN) with points lc rgb '#D55E00' pt 5 ps 0.9 title 'share=per-task', \
     $r2 using 1:($3 != 0 ? $2 : NaN) with points lc rgb '#D55E00' pt 4 ps 1.1 notitle, \
     $r3 using 1:($3 == 0 ? $2 : NaN) with points lc rgb '#009E73' pt 9 ps 0.9 title 'share=window', \
     $r3 using 1:($3 != 0 ? $2 : NaN) with points lc rgb '#009E73' pt 8 ps 1.1 notitle
unset object 1
unset multiplot
set output
}
