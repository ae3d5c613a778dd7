# spread.gp - every repetition's wall time over its point's median, one panel per series.
# Written by scal-run; render with: gnuplot spread.gp (writes spread.png and spread.svg).
set encoding utf8
$r0 << EOD
# x wall/median noisy
4 1 1
EOD
$r1 << EOD
# x wall/median noisy
4 1 1
EOD
$r2 << EOD
# x wall/median noisy
4 1 1
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
set title 'window' font ',11'
set xrange [3.07692:5.2]
set yrange [0.9304:1.0696]
set object 1 rect from graph 0, first 0.97 to graph 1, first 1.03 fc rgb '#e8e8e8' fs solid noborder behind
plot 1 notitle with lines lc rgb '#888888', \
     $r0 using 1:($3 == 0 ? $2 : NaN) with points lc rgb '#0072B2' pt 7 ps 0.9 title 'measured', \
     $r0 using 1:($3 != 0 ? $2 : NaN) with points lc rgb '#0072B2' pt 6 ps 1.1 notitle
unset object 1
set title 'copy' font ',11'
set xrange [3.07692:5.2]
set yrange [0.9304:1.0696]
set object 1 rect from graph 0, first 0.97 to graph 1, first 1.03 fc rgb '#e8e8e8' fs solid noborder behind
plot 1 notitle with lines lc rgb '#888888', \
     $r1 using 1:($3 == 0 ? $2 : NaN) with points lc rgb '#0072B2' pt 7 ps 0.9 title 'measured', \
     $r1 using 1:($3 != 0 ? $2 : NaN) with points lc rgb '#0072B2' pt 6 ps 1.1 notitle
unset object 1
set title 'per-task' font ',11'
set xrange [3.07692:5.2]
set yrange [0.9304:1.0696]
set object 1 rect from graph 0, first 0.97 to graph 1, first 1.03 fc rgb '#e8e8e8' fs solid noborder behind
plot 1 notitle with lines lc rgb '#888888', \
     $r2 using 1:($3 == 0 ? $2 : NaN) with points lc rgb '#0072B2' pt 7 ps 0.9 title 'measured', \
     $r2 using 1:($3 != 0 ? $2 : NaN) with points lc rgb '#0072B2' pt 6 ps 1.1 notitle
unset object 1
unset multiplot
set output
}
