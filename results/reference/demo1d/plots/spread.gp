# spread.gp - every repetition's wall time over its point's median, one panel per series.
# Written by scal-run; render with: gnuplot spread.gp (writes spread.png and spread.svg).
set encoding utf8
$r0 << EOD
# x wall/median noisy
1 1.01578 0
1 1.01144 0
1 0.952209 0
1 0.946898 0
1 1.00448 0
1 0.998703 0
1 0.99474 0
1 0.987273 0
1 1.0013 0
1 1.03115 0
2 1.05215 1
2 1.00849 1
2 0.969765 1
2 0.996679 1
2 1.01364 1
2 0.965927 1
2 0.960633 1
2 1.00332 1
2 0.982003 1
2 1.10235 1
4 1.10181 0
4 1.16603 1
4 0.973665 0
4 0.92812 0
4 1.02633 0
4 1.1395 0
4 0.933929 0
4 0.965212 0
4 0.935488 0
4 1.0821 0
EOD
$r1 << EOD
# x wall/median noisy
1 1.06499 0
1 0.97059 0
1 0.969073 0
1 0.989028 0
1 1.01259 0
1 1 0
1 1.00883 0
1 0.987249 0
1 1.00069 0
2 1 0
2 0.980659 0
2 1.02668 0
2 1.01376 0
2 0.982235 0
2 1.0472 0
2 1.01584 0
2 0.948579 0
2 0.989931 0
4 1.05439 0
4 0.969066 0
4 0.983853 0
4 0.987557 0
4 0.989293 0
4 1.04755 0
4 1.01071 0
4 0.970913 0
4 1.03585 0
4 1.06052 0
EOD
$r2 << EOD
# x wall/median noisy
1 1.01707 1
1 1.04166 1
1 0.995175 1
1 0.979309 1
1 1.00549 1
1 0.977106 1
1 0.993854 1
1 1.01589 1
1 1 1
2 1.12337 1
2 1.03228 1
2 0.969533 1
2 0.983588 1
2 1.01884 1
2 0.986354 1
2 0.955359 1
2 1.05745 1
2 0.990206 1
2 1.00979 1
4 0.995631 0
4 1.01515 0
4 0.95921 0
4 1.00047 0
4 0.999531 0
4 1.04757 0
4 0.99494 0
4 1.03932 0
4 0.983116 0
4 1.07149 0
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
set title 'free-threads' font ',11'
set xrange [0.769231:5.2]
set yrange [0.909087:1.18507]
set object 1 rect from graph 0, first 0.97 to graph 1, first 1.03 fc rgb '#e8e8e8' fs solid noborder behind
plot 1 notitle with lines lc rgb '#888888', \
     $r0 using 1:($3 == 0 ? $2 : NaN) with points lc rgb '#0072B2' pt 7 ps 0.9 title 'measured', \
     $r0 using 1:($3 != 0 ? $2 : NaN) with points lc rgb '#0072B2' pt 6 ps 1.1 notitle
unset object 1
set title 'threads-gil' font ',11'
set xrange [0.769231:5.2]
set yrange [0.930001:1.07499]
set object 1 rect from graph 0, first 0.97 to graph 1, first 1.03 fc rgb '#e8e8e8' fs solid noborder behind
plot 1 notitle with lines lc rgb '#888888', \
     $r1 using 1:($3 == 0 ? $2 : NaN) with points lc rgb '#0072B2' pt 7 ps 0.9 title 'measured', \
     $r1 using 1:($3 != 0 ? $2 : NaN) with points lc rgb '#0072B2' pt 6 ps 1.1 notitle
unset object 1
set title 'processes' font ',11'
set xrange [0.769231:5.2]
set yrange [0.925331:1.13804]
set object 1 rect from graph 0, first 0.97 to graph 1, first 1.03 fc rgb '#e8e8e8' fs solid noborder behind
plot 1 notitle with lines lc rgb '#888888', \
     $r2 using 1:($3 == 0 ? $2 : NaN) with points lc rgb '#0072B2' pt 7 ps 0.9 title 'measured', \
     $r2 using 1:($3 != 0 ? $2 : NaN) with points lc rgb '#0072B2' pt 6 ps 1.1 notitle
unset object 1
unset multiplot
set output
}
