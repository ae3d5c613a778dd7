# spread.gp - every repetition's wall time over its point's median, one panel per series.
# Written by scal-run; render with: gnuplot spread.gp (writes spread.png and spread.svg).
set encoding utf8
$r0 << EOD
# x wall/median noisy
0.976032 0.999489 0
0.976032 1.00057 0
0.976032 1.00051 0
0.976032 0.999084 0
0.976032 1.00077 0
0.976032 0.99914 0
1.95206 1.00279 1
1.95206 0.998733 0
1.95206 1.00021 0
1.95206 1.00224 0
1.95206 0.999791 0
1.95206 0.998195 0
3.90413 0.998991 0
3.90413 1.00053 0
3.90413 0.999375 0
3.90413 0.999887 0
3.90413 1.00044 0
3.90413 1.00011 0
7.80825 0.999033 0
7.80825 1.00059 0
7.80825 0.999266 0
7.80825 0.999876 0
7.80825 1.00131 0
7.80825 1.00012 0
15.6165 1.00044 1
15.6165 0.999148 0
15.6165 1.00099 0
15.6165 1.00053 0
15.6165 0.998898 0
15.6165 0.999564 0
EOD
$r1 << EOD
# x wall/median noisy
1.02456 0.999546 0
1.02456 1.00022 0
1.02456 1.00005 0
1.02456 1.00198 0
1.02456 0.999616 0
1.02456 0.999946 0
2.04911 0.999961 1
2.04911 1.00004 0
2.04911 0.999493 0
2.04911 1.00453 1
2.04911 1.00379 1
2.04911 0.999842 0
4.09823 0.999646 0
4.09823 0.999468 0
4.09823 1.00027 0
4.09823 1.0001 0
4.09823 1.00167 0
4.09823 0.999902 0
8.19645 1.00028 0
8.19645 1.01384 1
8.19645 0.99983 0
8.19645 1.00017 0
8.19645 0.998927 0
8.19645 0.999026 0
16.3929 1.002 1
16.3929 0.993567 0
16.3929 0.994566 0
16.3929 0.998003 1
16.3929 1.0123 1
16.3929 1.00313 1
EOD
$r2 << EOD
# x wall/median noisy
0.976032 0.999667 0
0.976032 1.00416 0
0.976032 0.998309 0
0.976032 1.00033 0
0.976032 1.00038 0
0.976032 0.998391 0
1.95206 0.999966 1
1.95206 1.00117 0
1.95206 0.999807 0
1.95206 1.00003 1
1.95206 1.0005 0
1.95206 0.999183 1
3.90413 0.999301 0
3.90413 0.998786 0
3.90413 1.00008 0
3.90413 0.999919 0
3.90413 1.00023 1
3.90413 1.00151 0
EOD
$r3 << EOD
# x wall/median noisy
1.02456 1.00134 0
1.02456 1.00119 0
1.02456 0.999957 0
1.02456 0.999194 0
1.02456 1.00004 0
1.02456 0.999342 0
2.04911 0.998821 0
2.04911 1.00114 0
2.04911 0.998954 0
2.04911 0.998871 0
2.04911 1.00811 1
2.04911 1.00105 0
4.09823 1.00235 1
4.09823 1.00032 1
4.09823 1.00794 1
4.09823 0.999675 0
4.09823 0.998462 0
4.09823 0.999146 0
EOD
$r4 << EOD
# x wall/median noisy
0.976032 0.920661 0
0.976032 0.951236 0
0.976032 0.943031 0
0.976032 1.004 0
0.976032 1.21637 1
0.976032 0.995995 0
0.976032 0.926856 0
0.976032 1.08798 0
0.976032 1.04723 0
0.976032 1.10074 0
1.95206 0.981337 0
1.95206 1.38401 1
1.95206 1.11996 1
1.95206 1.11351 1
1.95206 1.01866 0
1.95206 0.926045 1
1.95206 1.44908 1
1.95206 0.955089 0
1.95206 0.948378 1
1.95206 0.95111 1
3.90413 1.00564 0
3.90413 1.39151 1
3.90413 0.906178 0
3.90413 1.48842 1
3.90413 1.47732 1
3.90413 0.913062 0
3.90413 1.07694 0
3.90413 0.920239 0
3.90413 0.949766 0
3.90413 0.994362 0
EOD
$r5 << EOD
# x wall/median noisy
1.02456 1.00333 0
1.02456 0.963935 0
1.02456 1.43805 1
1.02456 0.97761 0
1.02456 1.05565 0
1.02456 1.05926 0
1.02456 0.996672 0
1.02456 1.03 0
1.02456 0.994743 0
1.02456 0.947777 0
2.04911 0.951671 0
2.04911 0.975781 0
2.04911 1.6231 1
2.04911 1.15606 1
2.04911 1.43101 1
2.04911 1.30084 1
2.04911 0.979844 1
2.04911 0.958372 1
2.04911 0.988198 1
2.04911 1.0118 1
4.09823 1.51314 1
4.09823 0.991134 0
4.09823 1.64131 1
4.09823 1.07854 0
4.09823 1.01252 0
4.09823 0.874735 0
4.09823 0.928223 0
4.09823 0.929711 0
4.09823 1.00887 0
4.09823 0.949931 0
EOD
$r6 << EOD
# x wall/median noisy
0.976032 1.00955 1
0.976032 0.949472 1
0.976032 1.37252 1
0.976032 1.065 1
0.976032 1.04344 1
0.976032 1.02118 1
0.976032 0.96076 1
0.976032 0.95233 1
0.976032 0.951885 1
0.976032 0.990455 1
1.95206 1.066 1
1.95206 1.25212 1
1.95206 0.925205 1
1.95206 2.21178 1
1.95206 2.23845 1
1.95206 1.45211 1
1.95206 0.934001 1
1.95206 0.911343 1
1.95206 0.929878 1
1.95206 0.892461 1
3.90413 1.30497 1
3.90413 1.63938 1
3.90413 0.906262 0
3.90413 0.87104 0
3.90413 1.19864 1
3.90413 0.910251 0
3.90413 1.08088 1
3.90413 0.919118 0
3.90413 1.22403 1
3.90413 0.898119 0
EOD
$r7 << EOD
# x wall/median noisy
1.02456 1.00797 1
1.02456 0.992029 1
1.02456 1.12086 1
1.02456 1.12923 1
1.02456 1.02582 1
1.02456 1.1626 1
1.02456 0.976393 1
1.02456 0.97767 1
1.02456 0.99018 1
1.02456 0.93707 1
2.04911 1.05233 1
2.04911 1.34032 1
2.04911 1.19968 1
2.04911 1.0364 1
2.04911 0.963595 1
2.04911 1.26107 1
2.04911 0.884997 1
2.04911 0.902099 1
2.04911 0.895389 1
2.04911 0.934911 1
4.09823 1.0752 1
4.09823 1.548 1
4.09823 1.18352 1
4.09823 1.48939 1
4.09823 0.95198 0
4.09823 0.958969 0
4.09823 0.928056 0
4.09823 1.02901 0
4.09823 0.97099 0
4.09823 0.927419 0
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
set title 'sleep-threads' font ',11'
set xrange [0.769231:20.8]
set yrange [0.9304:1.0696]
set object 1 rect from graph 0, first 0.97 to graph 1, first 1.03 fc rgb '#e8e8e8' fs solid noborder behind
plot 1 notitle with lines lc rgb '#888888', \
     $r0 using 1:($3 == 0 ? $2 : NaN) with points lc rgb '#0072B2' pt 7 ps 0.9 title 'pool=map', \
     $r0 using 1:($3 != 0 ? $2 : NaN) with points lc rgb '#0072B2' pt 6 ps 1.1 notitle, \
     $r1 using 1:($3 == 0 ? $2 : NaN) with points lc rgb '#D55E00' pt 5 ps 0.9 title 'pool=submit', \
     $r1 using 1:($3 != 0 ? $2 : NaN) with points lc rgb '#D55E00' pt 4 ps 1.1 notitle
unset object 1
set title 'sleep-processes' font ',11'
set xrange [0.769231:5.2]
set yrange [0.9304:1.0696]
set object 1 rect from graph 0, first 0.97 to graph 1, first 1.03 fc rgb '#e8e8e8' fs solid noborder behind
plot 1 notitle with lines lc rgb '#888888', \
     $r2 using 1:($3 == 0 ? $2 : NaN) with points lc rgb '#0072B2' pt 7 ps 0.9 title 'pool=map', \
     $r2 using 1:($3 != 0 ? $2 : NaN) with points lc rgb '#0072B2' pt 6 ps 1.1 notitle, \
     $r3 using 1:($3 == 0 ? $2 : NaN) with points lc rgb '#D55E00' pt 5 ps 0.9 title 'pool=submit', \
     $r3 using 1:($3 != 0 ? $2 : NaN) with points lc rgb '#D55E00' pt 4 ps 1.1 notitle
unset object 1
set title 'factor-threads' font ',11'
set xrange [0.769231:5.2]
set yrange [0.81341:1.70263]
set object 1 rect from graph 0, first 0.97 to graph 1, first 1.03 fc rgb '#e8e8e8' fs solid noborder behind
plot 1 notitle with lines lc rgb '#888888', \
     $r4 using 1:($3 == 0 ? $2 : NaN) with points lc rgb '#0072B2' pt 7 ps 0.9 title 'pool=map', \
     $r4 using 1:($3 != 0 ? $2 : NaN) with points lc rgb '#0072B2' pt 6 ps 1.1 notitle, \
     $r5 using 1:($3 == 0 ? $2 : NaN) with points lc rgb '#D55E00' pt 5 ps 0.9 title 'pool=submit', \
     $r5 using 1:($3 != 0 ? $2 : NaN) with points lc rgb '#D55E00' pt 4 ps 1.1 notitle
unset object 1
set title 'factor-processes' font ',11'
set xrange [0.769231:5.2]
set yrange [0.761647:2.34784]
set object 1 rect from graph 0, first 0.97 to graph 1, first 1.03 fc rgb '#e8e8e8' fs solid noborder behind
plot 1 notitle with lines lc rgb '#888888', \
     $r6 using 1:($3 == 0 ? $2 : NaN) with points lc rgb '#0072B2' pt 7 ps 0.9 title 'pool=map', \
     $r6 using 1:($3 != 0 ? $2 : NaN) with points lc rgb '#0072B2' pt 6 ps 1.1 notitle, \
     $r7 using 1:($3 == 0 ? $2 : NaN) with points lc rgb '#D55E00' pt 5 ps 0.9 title 'pool=submit', \
     $r7 using 1:($3 != 0 ? $2 : NaN) with points lc rgb '#D55E00' pt 4 ps 1.1 notitle
unset object 1
unset multiplot
set output
}
