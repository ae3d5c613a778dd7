# spread.gp - every repetition's wall time over its point's median, one panel per series.
# Written by scal-run; render with: gnuplot spread.gp (writes spread.png and spread.svg).
set encoding utf8
$r0 << EOD
# x wall/median noisy
1 1.00203 0
1 1.0082 0
1 1.01275 0
1 1.0205 0
1 0.977616 0
1 0.926472 0
1 0.992298 0
1 0.925708 0
1 0.917392 0
1 0.997965 0
1 1.00627 0
1 1.03747 0
2 1.01876 1
2 0.995668 1
2 0.995512 1
2 0.977576 1
2 0.966194 1
2 1.02841 1
2 1.09549 1
2 1.01827 1
2 0.987153 1
2 0.986539 1
2 1.02725 1
2 1.00433 1
EOD
$r1 << EOD
# x wall/median noisy
1 1.0068 1
1 0.981427 1
1 1.00441 1
1 0.995587 1
1 0.976601 1
1 1.02582 1
2 0.972511 1
2 0.989906 1
2 0.985253 1
2 0.931623 1
2 1.01478 1
2 1.00842 1
2 1.06144 1
2 1 1
2 1.01202 1
EOD
$r2 << EOD
# x wall/median noisy
1 0.965718 0
1 1.02313 0
1 0.973415 0
1 0.982611 0
1 1.02983 0
1 1.04613 0
1 1.00902 0
1 0.990981 0
1 1.01483 0
1 0.979278 0
2 0.9439 1
2 1.00171 1
2 0.998211 1
2 0.998295 1
2 0.954619 1
2 1.04627 1
2 1.01093 1
2 0.978378 1
2 1.04889 1
2 1.12127 1
2 1.03117 1
2 0.976117 1
EOD
do for [fmt in 'png svg'] {
if (fmt eq 'svg') {
    set terminal svg size 1410,380 noenhanced font 'sans,11' background '#ffffff'
} else {
    if (strstrt(GPVAL_TERMINALS, 'pngcairo') > 0) {
        set terminal pngcairo size 1410,380 noenhanced font 'sans,10'
    } else {
        set terminal png size 1410,380 noenhanced
    }
}
set output 'spread.'.fmt
set multiplot layout 1,3 title 'Each repetition: wall / its point''s median (hollow: noisy; band: precision asked)' font ',12'
set grid lc rgb '#dddddd'
set xlabel 'workers'
set ylabel 'wall / median'
set logscale x 2
set key top right samplen 1 font ',9' box opaque
set title 'omp-rate' font ',11'
set xrange [0.769231:2.6]
set yrange [0.903144:1.10974]
set object 1 rect from graph 0, first 0.97 to graph 1, first 1.03 fc rgb '#e8e8e8' fs solid noborder behind
plot 1 notitle with lines lc rgb '#888888', \
     $r0 using 1:($3 == 0 ? $2 : NaN) with points lc rgb '#0072B2' pt 7 ps 0.9 title 'measured', \
     $r0 using 1:($3 != 0 ? $2 : NaN) with points lc rgb '#0072B2' pt 6 ps 1.1 notitle
unset object 1
set title 'mpi-time' font ',11'
set xrange [0.769231:2.6]
set yrange [0.921237:1.07183]
set object 1 rect from graph 0, first 0.97 to graph 1, first 1.03 fc rgb '#e8e8e8' fs solid noborder behind
plot 1 notitle with lines lc rgb '#888888', \
     $r1 using 1:($3 == 0 ? $2 : NaN) with points lc rgb '#0072B2' pt 7 ps 0.9 title 'measured', \
     $r1 using 1:($3 != 0 ? $2 : NaN) with points lc rgb '#0072B2' pt 6 ps 1.1 notitle
unset object 1
set title 'omp-wall' font ',11'
set xrange [0.769231:2.6]
set yrange [0.925499:1.13577]
set object 1 rect from graph 0, first 0.97 to graph 1, first 1.03 fc rgb '#e8e8e8' fs solid noborder behind
plot 1 notitle with lines lc rgb '#888888', \
     $r2 using 1:($3 == 0 ? $2 : NaN) with points lc rgb '#0072B2' pt 7 ps 0.9 title 'measured', \
     $r2 using 1:($3 != 0 ? $2 : NaN) with points lc rgb '#0072B2' pt 6 ps 1.1 notitle
unset object 1
unset multiplot
set output
}
