# spread.gp - every repetition's wall time over its point's median, one panel per series.
# Written by scal-run; render with: gnuplot spread.gp (writes spread.png and spread.svg).
set encoding utf8
$r0 << EOD
# x wall/median noisy
1 0.651199 0
1 0.735459 0
1 1.01305 0
1 1.08604 0
1 1.01164 0
1 1.04838 0
1 0.955779 0
1 0.997445 0
1 1.00556 0
1 1.48722 0
1 1.44581 0
1 0.942117 0
1 1.00255 0
1 0.972063 0
1 0.981472 0
1 1.03426 0
1 0.957864 0
1 0.985722 0
1 0.974451 0
1 1.02687 0
2 0.848829 0
2 1.27014 1
2 0.993856 0
2 1.16812 0
2 1.01832 0
2 1.06568 0
2 1.12141 1
2 0.973017 0
2 1.31015 0
2 0.896643 0
2 1.03102 0
2 1.06693 0
2 0.838484 0
2 0.816306 0
2 1.00614 0
2 1.04596 0
2 0.783165 0
2 0.761641 0
2 0.910563 0
2 0.884808 0
EOD
do for [fmt in 'png svg'] {
if (fmt eq 'svg') {
    set terminal svg size 705,550 noenhanced font 'sans,11' background '#ffffff'
} else {
    if (strstrt(GPVAL_TERMINALS, 'pngcairo') > 0) {
        set terminal pngcairo size 705,550 noenhanced font 'sans,10'
    } else {
        set terminal png size 705,550 noenhanced
    }
}
set output 'spread.'.fmt
set multiplot layout 1,1 title 'Each repetition: wall / its point''s median (hollow: noisy; band: precision asked)' font ',12'
set grid lc rgb '#dddddd'
set xlabel 'workers'
set ylabel 'wall / median'
set logscale x 2
set key top right samplen 1 font ',9' box opaque
set title 'global'."\n".'claim speedup: confirmed' font ',11'
set xrange [0.769231:2.6]
set yrange [0.584317:1.5541]
set object 1 rect from graph 0, first 0.98 to graph 1, first 1.02 fc rgb '#e8e8e8' fs solid noborder behind
plot 1 notitle with lines lc rgb '#888888', \
     $r0 using 1:($3 == 0 ? $2 : NaN) with points lc rgb '#0072B2' pt 7 ps 0.9 title 'measured', \
     $r0 using 1:($3 != 0 ? $2 : NaN) with points lc rgb '#0072B2' pt 6 ps 1.1 notitle
unset object 1
unset multiplot
set output
}
