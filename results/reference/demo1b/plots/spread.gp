# spread.gp - every repetition's wall time over its point's median, one panel per series.
# Written by scal-run; render with: gnuplot spread.gp (writes spread.png and spread.svg).
set encoding utf8
$r0 << EOD
# x wall/median noisy
0.976032 1.00017 0
0.976032 1.00141 0
0.976032 1.00018 0
0.976032 0.999472 0
0.976032 0.999828 0
0.976032 0.999262 0
3.90413 1.00167 0
3.90413 0.9991 0
3.90413 1.00169 0
3.90413 0.999633 0
3.90413 0.999799 0
3.90413 1.0002 0
7.80825 0.999873 0
7.80825 0.999823 0
7.80825 0.999814 1
7.80825 1.0006 0
7.80825 1.00013 0
7.80825 1.00014 0
EOD
$r1 << EOD
# x wall/median noisy
1.02456 1.00045 0
1.02456 1.00103 0
1.02456 0.999923 0
1.02456 0.999536 0
1.02456 0.999749 0
1.02456 1.00008 0
4.09823 0.999519 0
4.09823 1.00027 0
4.09823 1.00003 0
4.09823 1.00381 0
4.09823 0.999972 0
4.09823 0.998894 0
8.19645 1.00014 0
8.19645 0.999764 0
8.19645 0.999735 0
8.19645 1.00013 0
8.19645 1.00011 0
8.19645 0.999886 0
EOD
$r2 << EOD
# x wall/median noisy
0.976032 1.00201 0
0.976032 1.0092 0
0.976032 0.974006 0
0.976032 1.00963 0
0.976032 0.997987 0
0.976032 0.978244 0
1.95206 1.00653 1
1.95206 1.03856 1
1.95206 0.99216 1
1.95206 0.995363 1
1.95206 1.16988 1
1.95206 1.01837 1
1.95206 0.994352 1
1.95206 0.994435 1
1.95206 1.00275 1
1.95206 0.997247 1
EOD
$r3 << EOD
# x wall/median noisy
1.02456 0.995748 0
1.02456 1.14988 0
1.02456 1.01961 0
1.02456 0.989903 0
1.02456 1.02946 0
1.02456 1.06392 0
1.02456 0.995091 0
1.02456 1.00425 0
1.02456 0.983136 0
1.02456 0.987555 0
2.04911 1.02256 1
2.04911 1.01175 1
2.04911 1.30803 1
2.04911 1.27803 1
2.04911 1.15351 1
2.04911 0.97884 1
2.04911 0.980956 1
2.04911 0.988246 1
2.04911 0.931674 1
2.04911 0.939965 1
EOD
$r4 << EOD
# x wall/median noisy
0.976032 0.997722 1
0.976032 1.01395 1
0.976032 0.986529 1
0.976032 1.01398 1
0.976032 1.00228 1
0.976032 0.976265 1
1.95206 1.00066 1
1.95206 0.993777 1
1.95206 0.976011 1
1.95206 1.05467 1
1.95206 1.01018 1
1.95206 0.991596 1
1.95206 0.978192 1
1.95206 1.00315 1
1.95206 1 1
EOD
$r5 << EOD
# x wall/median noisy
1.02456 1.01483 1
1.02456 1.02836 1
1.02456 0.983135 1
1.02456 1.01971 1
1.02456 0.985168 1
1.02456 0.984478 1
2.04911 1.02954 1
2.04911 1.04139 1
2.04911 0.986958 1
2.04911 1.20033 1
2.04911 1.01304 1
2.04911 0.976247 1
2.04911 0.981515 1
2.04911 1.03696 1
2.04911 0.967407 1
2.04911 0.959463 1
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
set title 'sleep-threads' font ',11'
set xrange [0.769231:10.4]
set yrange [0.9304:1.0696]
set object 1 rect from graph 0, first 0.97 to graph 1, first 1.03 fc rgb '#e8e8e8' fs solid noborder behind
plot 1 notitle with lines lc rgb '#888888', \
     $r0 using 1:($3 == 0 ? $2 : NaN) with points lc rgb '#0072B2' pt 7 ps 0.9 title 'pool=as-completed', \
     $r0 using 1:($3 != 0 ? $2 : NaN) with points lc rgb '#0072B2' pt 6 ps 1.1 notitle, \
     $r1 using 1:($3 == 0 ? $2 : NaN) with points lc rgb '#D55E00' pt 5 ps 0.9 title 'pool=submit', \
     $r1 using 1:($3 != 0 ? $2 : NaN) with points lc rgb '#D55E00' pt 4 ps 1.1 notitle
unset object 1
set title 'factor-threads' font ',11'
set xrange [0.769231:2.6]
set yrange [0.901565:1.33814]
set object 1 rect from graph 0, first 0.97 to graph 1, first 1.03 fc rgb '#e8e8e8' fs solid noborder behind
plot 1 notitle with lines lc rgb '#888888', \
     $r2 using 1:($3 == 0 ? $2 : NaN) with points lc rgb '#0072B2' pt 7 ps 0.9 title 'pool=as-completed', \
     $r2 using 1:($3 != 0 ? $2 : NaN) with points lc rgb '#0072B2' pt 6 ps 1.1 notitle, \
     $r3 using 1:($3 == 0 ? $2 : NaN) with points lc rgb '#D55E00' pt 5 ps 0.9 title 'pool=submit', \
     $r3 using 1:($3 != 0 ? $2 : NaN) with points lc rgb '#D55E00' pt 4 ps 1.1 notitle
unset object 1
set title 'factor-processes' font ',11'
set xrange [0.769231:2.6]
set yrange [0.919173:1.22116]
set object 1 rect from graph 0, first 0.97 to graph 1, first 1.03 fc rgb '#e8e8e8' fs solid noborder behind
plot 1 notitle with lines lc rgb '#888888', \
     $r4 using 1:($3 == 0 ? $2 : NaN) with points lc rgb '#0072B2' pt 7 ps 0.9 title 'pool=as-completed', \
     $r4 using 1:($3 != 0 ? $2 : NaN) with points lc rgb '#0072B2' pt 6 ps 1.1 notitle, \
     $r5 using 1:($3 == 0 ? $2 : NaN) with points lc rgb '#D55E00' pt 5 ps 0.9 title 'pool=submit', \
     $r5 using 1:($3 != 0 ? $2 : NaN) with points lc rgb '#D55E00' pt 4 ps 1.1 notitle
unset object 1
unset multiplot
set output
}
