# spread.gp - every repetition's wall time over its point's median, one panel per series.
# Written by scal-run; render with: gnuplot spread.gp (writes spread.png and spread.svg).
set encoding utf8
$r0 << EOD
# x wall/median noisy
0.976032 1.00187 0
0.976032 1.00238 0
0.976032 0.999906 0
0.976032 1.00009 0
0.976032 0.999221 0
0.976032 0.998265 0
1.95206 1.00335 0
1.95206 1.00067 0
1.95206 0.999329 0
1.95206 0.999107 0
1.95206 1.00128 0
1.95206 0.999007 0
7.80825 0.9987 0
7.80825 0.999037 0
7.80825 1.00199 0
7.80825 0.99842 0
7.80825 1.00096 1
7.80825 1.00477 0
EOD
$r1 << EOD
# x wall/median noisy
1.02456 1.00075 0
1.02456 1.00331 0
1.02456 1.0002 0
1.02456 0.999797 0
1.02456 0.999785 0
1.02456 0.999775 0
2.04911 1.02014 0
2.04911 0.99935 0
2.04911 0.998416 0
2.04911 0.997873 0
2.04911 1.00065 0
2.04911 1.00098 0
8.19645 1.0875 0
8.19645 1.00209 1
8.19645 0.99813 0
8.19645 0.999489 0
8.19645 1.00051 0
8.19645 0.998399 0
8.19645 1.08461 0
8.19645 1.05018 1
8.19645 0.997721 1
8.19645 0.998127 0
8.19645 0.997531 0
8.19645 1.00179 0
EOD
$r2 << EOD
# x wall/median noisy
1 1.01853 0
1 1.085 0
1 1 0
1 1.00373 0
1 0.996836 0
1 0.996667 0
1 1.02667 0
1 0.998527 0
1 0.985103 0
2 0.997238 0
2 1.02258 0
2 0.983229 0
2 1.00849 0
2 1.00276 0
2 0.988405 0
EOD
$r3 << EOD
# x wall/median noisy
1 1.08401 0
1 1.04573 0
1 0.99949 0
1 1.003 0
1 1.00021 0
1 1.00227 0
1 0.989978 0
1 0.979999 0
1 0.983614 0
1 0.984473 0
1 0.999788 0
1 1.0148 0
2 1.0035 0
2 1.01695 0
2 1.00242 0
2 0.997583 0
2 0.985531 0
2 0.990376 0
EOD
$r4 << EOD
# x wall/median noisy
1 1.02667 1
1 0.993523 1
1 1 1
1 1.04266 0
1 0.994857 0
1 1.0006 1
1 1.00082 1
1 0.984415 0
1 0.977821 0
2 0.983949 1
2 1.00455 1
2 1.01019 1
2 0.977182 1
2 1.0144 1
2 0.995452 1
EOD
$r5 << EOD
# x wall/median noisy
3.90413 1.00022 0
3.90413 1.00062 0
3.90413 0.999875 0
3.90413 0.999269 0
3.90413 1.00012 0
3.90413 0.999306 0
EOD
$r6 << EOD
# x wall/median noisy
4.09823 1.00015 0
4.09823 1.00072 0
4.09823 0.999848 0
4.09823 0.999705 0
4.09823 1.00019 0
4.09823 0.999233 0
EOD
$r7 << EOD
# x wall/median noisy
1 1.40185 0
1 1.0136 0
1 1.00036 0
1 1.0055 0
1 1.02265 0
1 0.988103 0
1 0.985266 0
1 0.97706 0
1 1.09573 0
1 0.999604 0
1 0.999638 0
1 0.997221 0
2 1.06759 0
2 1.15414 0
2 1.00081 1
2 0.953358 0
2 1.12739 0
2 1.12708 0
2 1.0376 0
2 0.953882 0
2 0.974768 0
2 0.935895 0
2 0.999186 0
2 0.975018 0
EOD
$r8 << EOD
# x wall/median noisy
1.95206 1.02702 1
1.95206 1.22477 1
1.95206 0.988326 1
1.95206 1.0579 1
1.95206 1.17316 1
1.95206 1.0088 1
1.95206 0.991205 1
1.95206 0.899561 1
1.95206 1.04417 1
1.95206 0.959095 1
1.95206 0.984064 0
1.95206 0.837764 1
EOD
$r9 << EOD
# x wall/median noisy
2.04911 1.36661 1
2.04911 1.21303 1
2.04911 1.1456 1
2.04911 1.20183 1
2.04911 1.16164 1
2.04911 0.946578 1
2.04911 0.774351 1
2.04911 0.87096 1
2.04911 0.815238 1
2.04911 0.91341 1
2.04911 0.974879 1
2.04911 1.02512 1
EOD
do for [fmt in 'png svg'] {
if (fmt eq 'svg') {
    set terminal svg size 1410,1060 noenhanced font 'sans,11' background '#ffffff'
} else {
    if (strstrt(GPVAL_TERMINALS, 'pngcairo') > 0) {
        set terminal pngcairo size 1410,1060 noenhanced font 'sans,10'
    } else {
        set terminal png size 1410,1060 noenhanced
    }
}
set output 'spread.'.fmt
set multiplot layout 3,3 title 'Each repetition: wall / its point''s median (hollow: noisy; band: precision asked)' font ',12'
set grid lc rgb '#dddddd'
set xlabel 'workers'
set ylabel 'wall / median'
set logscale x 2
set key top right samplen 1 font ',9' box opaque
set title 'd1-sleep-threads'."\n".'claim speedup: confirmed' font ',11'
set xrange [0.769231:10.4]
set yrange [0.9282:1.0993]
set object 1 rect from graph 0, first 0.97 to graph 1, first 1.03 fc rgb '#e8e8e8' fs solid noborder behind
plot 1 notitle with lines lc rgb '#888888', \
     $r0 using 1:($3 == 0 ? $2 : NaN) with points lc rgb '#0072B2' pt 7 ps 0.9 title 'gil=off', \
     $r0 using 1:($3 != 0 ? $2 : NaN) with points lc rgb '#0072B2' pt 6 ps 1.1 notitle, \
     $r1 using 1:($3 == 0 ? $2 : NaN) with points lc rgb '#D55E00' pt 5 ps 0.9 title 'gil=on', \
     $r1 using 1:($3 != 0 ? $2 : NaN) with points lc rgb '#D55E00' pt 4 ps 1.1 notitle
unset object 1
set title 'd1c-factor-gil'."\n".'claim no-speedup: confirmed' font ',11'
set xrange [0.769231:2.6]
set yrange [0.9284:1.0966]
set object 1 rect from graph 0, first 0.97 to graph 1, first 1.03 fc rgb '#e8e8e8' fs solid noborder behind
plot 1 notitle with lines lc rgb '#888888', \
     $r2 using 1:($3 == 0 ? $2 : NaN) with points lc rgb '#0072B2' pt 7 ps 0.9 title 'measured', \
     $r2 using 1:($3 != 0 ? $2 : NaN) with points lc rgb '#0072B2' pt 6 ps 1.1 notitle
unset object 1
set title 'd1c-factor-free-threads'."\n".'claim speedup: confirmed' font ',11'
set xrange [0.769231:2.6]
set yrange [0.928479:1.09553]
set object 1 rect from graph 0, first 0.97 to graph 1, first 1.03 fc rgb '#e8e8e8' fs solid noborder behind
plot 1 notitle with lines lc rgb '#888888', \
     $r3 using 1:($3 == 0 ? $2 : NaN) with points lc rgb '#0072B2' pt 7 ps 0.9 title 'measured', \
     $r3 using 1:($3 != 0 ? $2 : NaN) with points lc rgb '#0072B2' pt 6 ps 1.1 notitle
unset object 1
set title 'd1c-factor-processes'."\n".'claim speedup: confirmed' font ',11'
set xrange [0.769231:2.6]
set yrange [0.9304:1.0696]
set object 1 rect from graph 0, first 0.97 to graph 1, first 1.03 fc rgb '#e8e8e8' fs solid noborder behind
plot 1 notitle with lines lc rgb '#888888', \
     $r4 using 1:($3 == 0 ? $2 : NaN) with points lc rgb '#0072B2' pt 7 ps 0.9 title 'measured', \
     $r4 using 1:($3 != 0 ? $2 : NaN) with points lc rgb '#0072B2' pt 6 ps 1.1 notitle
unset object 1
set title 'd1b-as-completed'."\n".'claim lowest-first-result:pool=as-completed: confirmed' font ',11'
set xrange [3.07692:5.2]
set yrange [0.9304:1.0696]
set object 1 rect from graph 0, first 0.97 to graph 1, first 1.03 fc rgb '#e8e8e8' fs solid noborder behind
plot 1 notitle with lines lc rgb '#888888', \
     $r5 using 1:($3 == 0 ? $2 : NaN) with points lc rgb '#0072B2' pt 7 ps 0.9 title 'pool=as-completed', \
     $r5 using 1:($3 != 0 ? $2 : NaN) with points lc rgb '#0072B2' pt 6 ps 1.1 notitle, \
     $r6 using 1:($3 == 0 ? $2 : NaN) with points lc rgb '#D55E00' pt 5 ps 0.9 title 'pool=submit', \
     $r6 using 1:($3 != 0 ? $2 : NaN) with points lc rgb '#D55E00' pt 4 ps 1.1 notitle
unset object 1
set title 'd2-paths-threads'."\n".'claim speedup: confirmed' font ',11'
set xrange [0.769231:2.6]
set yrange [0.898618:1.43912]
set object 1 rect from graph 0, first 0.97 to graph 1, first 1.03 fc rgb '#e8e8e8' fs solid noborder behind
plot 1 notitle with lines lc rgb '#888888', \
     $r7 using 1:($3 == 0 ? $2 : NaN) with points lc rgb '#0072B2' pt 7 ps 0.9 title 'measured', \
     $r7 using 1:($3 != 0 ? $2 : NaN) with points lc rgb '#0072B2' pt 6 ps 1.1 notitle
unset object 1
set title 'd2-paths-shared'."\n".'claim lowest-pss:share=window: confirmed' font ',11'
set xrange [1.53846:2.6]
set yrange [0.72697:1.41399]
set object 1 rect from graph 0, first 0.97 to graph 1, first 1.03 fc rgb '#e8e8e8' fs solid noborder behind
plot 1 notitle with lines lc rgb '#888888', \
     $r8 using 1:($3 == 0 ? $2 : NaN) with points lc rgb '#0072B2' pt 7 ps 0.9 title 'share=copy', \
     $r8 using 1:($3 != 0 ? $2 : NaN) with points lc rgb '#0072B2' pt 6 ps 1.1 notitle, \
     $r9 using 1:($3 == 0 ? $2 : NaN) with points lc rgb '#D55E00' pt 5 ps 0.9 title 'share=window', \
     $r9 using 1:($3 != 0 ? $2 : NaN) with points lc rgb '#D55E00' pt 4 ps 1.1 notitle
unset object 1
unset multiplot
set output
}
