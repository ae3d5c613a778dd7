# spread.gp - every repetition's wall time over its point's median, one panel per series.
# Written by scal-run; render with: gnuplot spread.gp (writes spread.png and spread.svg).
set encoding utf8
$r0 << EOD
# x wall/median noisy
0.976032 0.996146 0
0.976032 1.01812 0
0.976032 1.00385 0
0.976032 0.986147 0
0.976032 1.00842 0
0.976032 0.98208 0
1.95206 1.00301 1
1.95206 1.05596 1
1.95206 0.990126 1
1.95206 0.99526 1
1.95206 0.991411 1
1.95206 0.992721 1
1.95206 1 1
1.95206 1.00361 1
1.95206 1.02228 1
EOD
$r1 << EOD
# x wall/median noisy
1.02456 0.987153 0
1.02456 1.01138 0
1.02456 1.00278 0
1.02456 0.997222 0
1.02456 1.0273 0
1.02456 0.992096 0
2.04911 1.01324 0
2.04911 0.990792 0
2.04911 1.01057 0
2.04911 0.99273 0
2.04911 1.00727 0
2.04911 0.990775 0
EOD
$r2 << EOD
# x wall/median noisy
0.976032 1.00427 1
0.976032 1.02476 1
0.976032 0.99193 1
0.976032 1.00672 1
0.976032 0.99573 1
0.976032 0.983041 1
1.95206 1.0038 1
1.95206 1.0211 1
1.95206 0.996197 1
1.95206 0.985487 1
1.95206 1.01651 1
1.95206 0.991623 1
EOD
$r3 << EOD
# x wall/median noisy
1.02456 0.988859 1
1.02456 1.01166 1
1.02456 1.00633 1
1.02456 1.01345 1
1.02456 0.993667 1
1.02456 0.987763 1
2.04911 1.0705 1
2.04911 0.993985 1
2.04911 1.00233 1
2.04911 0.991356 1
2.04911 0.997669 1
2.04911 0.988046 1
2.04911 0.996323 1
2.04911 1.03374 1
2.04911 1.03099 1
2.04911 1.01763 1
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
set xrange [0.769231:2.6]
set yrange [0.9304:1.0696]
set object 1 rect from graph 0, first 0.97 to graph 1, first 1.03 fc rgb '#e8e8e8' fs solid noborder behind
plot 1 notitle with lines lc rgb '#888888', \
     $r0 using 1:($3 == 0 ? $2 : NaN) with points lc rgb '#0072B2' pt 7 ps 0.9 title 'gil=off', \
     $r0 using 1:($3 != 0 ? $2 : NaN) with points lc rgb '#0072B2' pt 6 ps 1.1 notitle, \
     $r1 using 1:($3 == 0 ? $2 : NaN) with points lc rgb '#D55E00' pt 5 ps 0.9 title 'gil=on', \
     $r1 using 1:($3 != 0 ? $2 : NaN) with points lc rgb '#D55E00' pt 4 ps 1.1 notitle
unset object 1
set title 'ranks' font ',11'
set xrange [0.769231:2.6]
set yrange [0.92956:1.08094]
set object 1 rect from graph 0, first 0.97 to graph 1, first 1.03 fc rgb '#e8e8e8' fs solid noborder behind
plot 1 notitle with lines lc rgb '#888888', \
     $r2 using 1:($3 == 0 ? $2 : NaN) with points lc rgb '#0072B2' pt 7 ps 0.9 title 'pool=map', \
     $r2 using 1:($3 != 0 ? $2 : NaN) with points lc rgb '#0072B2' pt 6 ps 1.1 notitle, \
     $r3 using 1:($3 == 0 ? $2 : NaN) with points lc rgb '#D55E00' pt 5 ps 0.9 title 'pool=submit', \
     $r3 using 1:($3 != 0 ? $2 : NaN) with points lc rgb '#D55E00' pt 4 ps 1.1 notitle
unset object 1
unset multiplot
set output
}
