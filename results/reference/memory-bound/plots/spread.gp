# spread.gp - every repetition's wall time over its point's median, one panel per series.
# Written by scal-run; render with: gnuplot spread.gp (writes spread.png and spread.svg).
set encoding utf8
$r0 << EOD
# x wall/median noisy
1 0.994776 0
1 1.02927 0
1 1.00933 0
1 0.994404 0
1 1.00522 0
1 0.993663 0
2 0.986671 1
2 1.01078 1
2 1.00872 0
2 0.992107 0
2 0.97922 0
2 1.00789 1
EOD
$r1 << EOD
# x wall/median noisy
1 1.0082 0
1 0.992051 0
1 1.00598 0
1 1.03442 0
1 1.04828 0
1 0.999039 0
1 0.988748 0
1 1.05067 0
1 0.995964 0
1 0.960719 0
1 1.00096 0
1 0.979143 0
2 0.937023 1
2 1.06531 1
2 1.00504 0
2 0.925325 0
2 0.994959 1
2 1.20486 1
2 1.0126 0
2 0.957349 1
2 0.900448 1
2 1.02888 1
2 1.07047 0
2 0.953133 1
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
set title 'factor' font ',11'
set xrange [0.769231:2.6]
set yrange [0.9304:1.0696]
set object 1 rect from graph 0, first 0.97 to graph 1, first 1.03 fc rgb '#e8e8e8' fs solid noborder behind
plot 1 notitle with lines lc rgb '#888888', \
     $r0 using 1:($3 == 0 ? $2 : NaN) with points lc rgb '#0072B2' pt 7 ps 0.9 title 'measured', \
     $r0 using 1:($3 != 0 ? $2 : NaN) with points lc rgb '#0072B2' pt 6 ps 1.1 notitle
unset object 1
set title 'triad' font ',11'
set xrange [0.769231:2.6]
set yrange [0.876095:1.22921]
set object 1 rect from graph 0, first 0.97 to graph 1, first 1.03 fc rgb '#e8e8e8' fs solid noborder behind
plot 1 notitle with lines lc rgb '#888888', \
     $r1 using 1:($3 == 0 ? $2 : NaN) with points lc rgb '#0072B2' pt 7 ps 0.9 title 'measured', \
     $r1 using 1:($3 != 0 ? $2 : NaN) with points lc rgb '#0072B2' pt 6 ps 1.1 notitle
unset object 1
unset multiplot
set output
}
