# spread.gp - every repetition's wall time over its point's median, one panel per series.
# Written by scal-run; render with: gnuplot spread.gp (writes spread.png and spread.svg).
set encoding utf8
$r0 << EOD
# x wall/median noisy
1 0.985866 0
1 1.0384 0
1 1.42234 1
1 0.993288 0
1 1.01216 0
1 0.939087 0
1 0.988686 0
1 0.98479 0
1 1.00671 0
1 1.04346 0
2 1.03257 1
2 1.57215 1
2 0.999725 1
2 1.00028 1
2 0.998043 1
2 0.982974 1
2 1.00226 1
2 0.964276 1
2 1.07217 1
2 0.994366 1
EOD
$r1 << EOD
# x wall/median noisy
1 1.01796 1
1 1.00408 1
1 1.09566 1
1 1.01251 0
1 1 1
1 0.986186 1
1 0.984463 1
1 0.99192 1
1 0.984966 1
2 2.77721 1
2 1.21054 1
2 1.0644 1
2 1.01048 1
2 1.03428 1
2 0.979612 1
2 0.981762 1
2 0.988952 1
2 0.98952 1
2 0.988136 1
EOD
$r2 << EOD
# x wall/median noisy
1 1.05237 0
1 0.995247 0
1 1.00008 0
1 1.02013 0
1 1.01384 0
1 0.998815 0
1 1 0
1 0.993749 0
1 0.986865 0
2 1.01086 1
2 1.16878 1
2 1.20017 1
2 0.993961 1
2 1.02562 1
2 0.944634 1
2 0.952317 1
2 0.964811 1
2 0.992834 1
2 1.00604 1
EOD
$r3 << EOD
# x wall/median noisy
1 1.00052 0
1 0.968391 0
1 0.995652 0
1 1.00501 0
1 1.05313 0
1 0.942046 0
1 1.00904 0
1 0.988174 0
1 1.0191 0
1 0.999479 0
2 1.03441 1
2 1.09994 1
2 1.23827 1
2 1.0703 1
2 0.999809 1
2 0.935952 1
2 0.969042 1
2 0.953065 1
2 1.00019 1
2 0.979867 1
EOD
do for [fmt in 'png svg'] {
if (fmt eq 'svg') {
    set terminal svg size 940,720 noenhanced font 'sans,11' background '#ffffff'
} else {
    if (strstrt(GPVAL_TERMINALS, 'pngcairo') > 0) {
        set terminal pngcairo size 940,720 noenhanced font 'sans,10'
    } else {
        set terminal png size 940,720 noenhanced
    }
}
set output 'spread.'.fmt
set multiplot layout 2,2 title 'Each repetition: wall / its point''s median (hollow: noisy; band: precision asked)' font ',12'
set grid lc rgb '#dddddd'
set xlabel 'workers'
set ylabel 'wall / median'
set logscale x 2
set key top right samplen 1 font ',9' box opaque
set title 'strong-threads' font ',11'
set xrange [0.769231:2.6]
set yrange [0.888443:1.62279]
set object 1 rect from graph 0, first 0.97 to graph 1, first 1.03 fc rgb '#e8e8e8' fs solid noborder behind
plot 1 notitle with lines lc rgb '#888888', \
     $r0 using 1:($3 == 0 ? $2 : NaN) with points lc rgb '#0072B2' pt 7 ps 0.9 title 'measured', \
     $r0 using 1:($3 != 0 ? $2 : NaN) with points lc rgb '#0072B2' pt 6 ps 1.1 notitle
unset object 1
set title 'strong-ranks' font ',11'
set xrange [0.769231:2.6]
set yrange [0.793023:2.92419]
set object 1 rect from graph 0, first 0.97 to graph 1, first 1.03 fc rgb '#e8e8e8' fs solid noborder behind
plot 1 notitle with lines lc rgb '#888888', \
     $r1 using 1:($3 == 0 ? $2 : NaN) with points lc rgb '#0072B2' pt 7 ps 0.9 title 'measured', \
     $r1 using 1:($3 != 0 ? $2 : NaN) with points lc rgb '#0072B2' pt 6 ps 1.1 notitle
unset object 1
set title 'weak-threads' font ',11'
set xrange [0.769231:2.6]
set yrange [0.919186:1.22099]
set object 1 rect from graph 0, first 0.97 to graph 1, first 1.03 fc rgb '#e8e8e8' fs solid noborder behind
plot 1 notitle with lines lc rgb '#888888', \
     $r2 using 1:($3 == 0 ? $2 : NaN) with points lc rgb '#0072B2' pt 7 ps 0.9 title 'measured', \
     $r2 using 1:($3 != 0 ? $2 : NaN) with points lc rgb '#0072B2' pt 6 ps 1.1 notitle
unset object 1
set title 'weak-ranks' font ',11'
set xrange [0.769231:2.6]
set yrange [0.911767:1.26245]
set object 1 rect from graph 0, first 0.97 to graph 1, first 1.03 fc rgb '#e8e8e8' fs solid noborder behind
plot 1 notitle with lines lc rgb '#888888', \
     $r3 using 1:($3 == 0 ? $2 : NaN) with points lc rgb '#0072B2' pt 7 ps 0.9 title 'measured', \
     $r3 using 1:($3 != 0 ? $2 : NaN) with points lc rgb '#0072B2' pt 6 ps 1.1 notitle
unset object 1
unset multiplot
set output
}
