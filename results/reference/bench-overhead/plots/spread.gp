# spread.gp - every repetition's wall time over its point's median, one panel per series.
# Written by scal-run; render with: gnuplot spread.gp (writes spread.png and spread.svg).
set encoding utf8
$r0 << EOD
# x wall/median noisy
0.952638 0.890374 0
0.952638 1.1356 1
0.952638 0.961274 0
0.952638 0.915095 0
0.952638 0.98379 0
0.952638 1.02147 0
0.952638 1.01621 0
0.952638 0.954088 0
0.952638 1.06352 0
0.952638 1.03418 0
1.90528 1.02698 1
1.90528 0.816122 1
1.90528 1.01005 1
1.90528 1.005 1
1.90528 0.995003 1
1.90528 1.02142 1
1.90528 1.01162 1
1.90528 0.888281 1
1.90528 0.97529 1
1.90528 0.979457 1
EOD
$r1 << EOD
# x wall/median noisy
1 0.921933 0
1 0.946304 0
1 1.01009 0
1 1.00036 0
1 0.973273 0
1 0.978031 0
1 1.03393 0
1 0.999641 0
1 1.09369 0
1 1.11256 0
2 0.991339 1
2 1.04123 1
2 0.958034 1
2 0.934621 1
2 1.01402 1
2 1.00036 0
2 0.99483 1
2 1.01402 0
2 0.999639 1
2 1.0451 1
EOD
$r2 << EOD
# x wall/median noisy
1.04972 1.00944 0
1.04972 0.972287 0
1.04972 1.00521 0
1.04972 0.92607 0
1.04972 0.93251 0
1.04972 1.00437 0
1.04972 1.00328 0
1.04972 0.976409 0
1.04972 1.06805 0
1.04972 0.996722 0
2.09943 1.03685 1
2.09943 1.034 1
2.09943 1.01041 1
2.09943 0.221769 1
2.09943 0.975375 1
2.09943 0.966 1
2.09943 1.06473 1
2.09943 0.99664 1
2.09943 0.97829 1
2.09943 1.00336 1
EOD
$r3 << EOD
# x wall/median noisy
0.952638 1.00246 0
0.952638 1.0676 0
0.952638 0.997342 0
0.952638 0.993118 0
0.952638 0.978509 0
0.952638 0.99754 0
0.952638 1.01441 0
0.952638 0.977372 0
0.952638 1.06026 0
0.952638 1.01362 0
1.90528 1.10568 1
1.90528 0.927026 1
1.90528 1.00869 1
1.90528 0.979031 1
1.90528 0.997172 1
1.90528 1.0005 1
1.90528 1.01902 1
1.90528 0.997325 1
1.90528 1.04236 1
1.90528 0.999499 1
EOD
$r4 << EOD
# x wall/median noisy
1 1.00532 0
1 0.985398 0
1 0.993286 0
1 1 0
1 0.977394 0
1 1.01527 0
1 1.02013 0
2 1.18001 1
2 0.997803 1
2 1.00006 1
2 1.02383 1
2 1.01464 1
2 0.991653 1
2 0.981831 1
2 0.999939 1
2 1.0364 1
2 0.977003 1
EOD
$r5 << EOD
# x wall/median noisy
1.04972 1 0
1.04972 1.01423 0
1.04972 0.989049 0
1.04972 0.980596 0
1.04972 1.00179 0
1.04972 0.992348 0
1.04972 1.02247 0
2.09943 0.976151 1
2.09943 0.994453 1
2.09943 0.991339 1
2.09943 1.07194 1
2.09943 1.07296 1
2.09943 0.992297 1
2.09943 1.11259 1
2.09943 0.987992 1
2.09943 1.00555 1
2.09943 1.03591 1
EOD
$r6 << EOD
# x wall/median noisy
0.952638 0.983891 0
0.952638 1.00205 0
0.952638 0.990124 0
0.952638 0.981169 0
0.952638 0.997316 0
0.952638 1.00056 0
0.952638 1.21447 0
0.952638 1 0
0.952638 1.01337 0
1.90528 1 1
1.90528 0.988874 1
1.90528 1.01005 1
1.90528 0.973343 1
1.90528 0.988838 1
1.90528 1.00353 1
1.90528 1.03754 1
1.90528 1.0031 1
1.90528 0.973893 1
EOD
$r7 << EOD
# x wall/median noisy
1 0.992187 0
1 1.02225 0
1 0.996442 0
1 0.98779 0
1 1.00193 0
1 1.04677 0
1 1 0
1 0.991734 0
1 1.01968 0
2 1.07861 1
2 1.00182 1
2 0.998176 1
2 0.977087 1
2 0.9732 1
2 0.97767 1
2 0.990227 1
2 1.09895 1
2 1.03819 1
2 1.08852 1
EOD
$r8 << EOD
# x wall/median noisy
1.04972 1.01517 0
1.04972 1.0519 0
1.04972 1.02541 0
1.04972 0.988179 0
1.04972 0.99505 0
1.04972 1 0
1.04972 0.994859 0
1.04972 1.01942 0
1.04972 0.991176 0
2.09943 1.00147 1
2.09943 1.02342 1
2.09943 1 1
2.09943 0.965091 1
2.09943 0.983819 1
2.09943 1.00899 1
2.09943 0.992097 1
2.09943 0.989123 1
2.09943 1.08189 1
EOD
$r9 << EOD
# x wall/median noisy
0.952638 0.997432 0
0.952638 1.00223 0
0.952638 1.02091 0
0.952638 0.997357 0
0.952638 0.996925 0
0.952638 1 0
0.952638 1.01584 0
1.90528 0.995729 0
1.90528 1 1
1.90528 0.994415 1
1.90528 0.998018 1
1.90528 1.00176 1
1.90528 1.00625 1
1.90528 1.01031 1
EOD
$r10 << EOD
# x wall/median noisy
1 1.00204 0
1 1.01566 0
1 0.997839 0
1 0.997013 0
1 0.995286 0
1 1.01612 0
1 1 0
2 0.985532 1
2 0.987775 1
2 1.04836 1
2 0.975347 1
2 1.01066 1
2 0.99108 1
2 1.01377 1
2 1 1
2 1.01831 1
EOD
$r11 << EOD
# x wall/median noisy
1.04972 0.999542 0
1.04972 0.999331 0
1.04972 1.01237 0
1.04972 0.997429 0
1.04972 1 0
1.04972 1.02667 0
1.04972 1.00655 0
2.09943 0.994209 1
2.09943 1 1
2.09943 1.05276 1
2.09943 1.0023 1
2.09943 0.988639 1
2.09943 0.996245 1
2.09943 0.991078 1
2.09943 1.00659 1
2.09943 1.01369 1
EOD
$r12 << EOD
# x wall/median noisy
0.952638 1.07472 0
0.952638 1.02398 0
0.952638 0.955031 0
0.952638 0.950368 0
0.952638 0.943693 0
0.952638 1.11817 0
0.952638 1.03862 0
0.952638 0.976019 0
0.952638 1.10299 0
0.952638 0.971161 0
1.90528 0.931795 1
1.90528 1.01419 1
1.90528 0.965466 1
1.90528 1.40403 1
1.90528 0.929568 1
1.90528 1.01061 1
1.90528 1.00638 1
1.90528 0.993624 1
1.90528 0.854312 1
1.90528 1.03346 1
EOD
$r13 << EOD
# x wall/median noisy
1 0.91921 1
1 1.17407 1
1 0.940819 1
1 1.07987 1
1 0.91279 1
1 0.943306 1
1 1.14027 0
1 1.0153 0
1 0.984696 1
1 1.22547 0
2 0.880444 1
2 1.02923 1
2 0.940477 1
2 0.895915 1
2 1.03772 1
2 1.0385 1
2 1.29905 1
2 0.970766 1
2 0.779061 1
2 1.16632 1
EOD
$r14 << EOD
# x wall/median noisy
1.04972 0.962708 0
1.04972 1.00022 0
1.04972 0.944734 0
1.04972 0.944826 0
1.04972 1.02735 0
1.04972 1.11301 1
1.04972 1.02586 0
1.04972 0.999776 0
1.04972 0.957647 0
1.04972 1.10259 0
2.09943 0.946579 1
2.09943 0.968342 1
2.09943 1.05266 1
2.09943 0.939541 1
2.09943 0.927213 1
2.09943 0.988328 1
2.09943 1.02341 1
2.09943 1.01438 1
2.09943 1.02392 1
2.09943 1.01167 1
EOD
$r15 << EOD
# x wall/median noisy
0.952638 1.01071 1
0.952638 1.00158 0
0.952638 0.990779 0
0.952638 0.983213 0
0.952638 1 0
0.952638 0.988117 0
0.952638 1.00781 1
1.90528 0.984333 1
1.90528 1.00165 1
1.90528 1.04588 1
1.90528 0.961953 1
1.90528 1.0526 1
1.90528 1.13016 1
1.90528 0.998351 1
1.90528 0.977508 1
1.90528 0.984497 1
1.90528 1.02073 1
EOD
$r16 << EOD
# x wall/median noisy
1 1.01616 1
1 0.972939 1
1 0.97258 1
1 1.07388 1
1 0.94966 0
1 1.10234 0
1 1.07667 1
1 0.983836 1
1 0.977688 1
1 1.13707 0
2 0.839553 1
2 0.897724 1
2 1.01081 1
2 0.836158 1
2 1.01863 1
2 1.12775 1
2 0.989268 1
2 0.86455 1
2 1.01982 1
2 1.01073 1
EOD
$r17 << EOD
# x wall/median noisy
1.04972 0.984554 1
1.04972 1.01074 0
1.04972 0.983174 0
1.04972 0.984235 1
1.04972 1 1
1.04972 1.02791 0
1.04972 1.00345 0
2.09943 0.980327 1
2.09943 1.00515 1
2.09943 1.01404 1
2.09943 0.978795 1
2.09943 0.96362 1
2.09943 1 1
2.09943 0.995874 1
2.09943 1.00172 1
2.09943 1.03549 1
EOD
$r18 << EOD
# x wall/median noisy
0.952638 1.00358 1
0.952638 1.01104 1
0.952638 0.982824 1
0.952638 1.01706 0
0.952638 0.975627 1
0.952638 1 1
0.952638 0.999371 1
1.90528 0.96428 1
1.90528 1.19067 1
1.90528 1.0161 1
1.90528 1.00606 1
1.90528 0.974034 1
1.90528 1.06673 1
1.90528 0.993942 1
1.90528 0.950972 1
1.90528 0.954644 1
1.90528 1.13357 1
EOD
$r19 << EOD
# x wall/median noisy
1 1.00666 1
1 1.02437 0
1 1.01375 1
1 0.96959 0
1 0.974297 1
1 1.00672 1
1 0.998352 0
1 0.970063 0
1 1 1
2 1.01578 1
2 0.999172 1
2 0.977345 1
2 0.956259 1
2 1 1
2 1.01739 1
2 0.987963 1
2 1.03525 1
2 1.00697 1
EOD
$r20 << EOD
# x wall/median noisy
1.04972 1 1
1.04972 1.00306 1
1.04972 1.00443 0
1.04972 0.96913 0
1.04972 0.975016 1
1.04972 1.02383 0
1.04972 1.02245 1
1.04972 0.97211 0
1.04972 0.974664 1
2.09943 1.0101 1
2.09943 0.983979 1
2.09943 1.02328 1
2.09943 0.969948 1
2.09943 0.996759 1
2.09943 1.03851 1
2.09943 1.00324 1
2.09943 1.04249 1
2.09943 0.97568 1
2.09943 0.986682 1
EOD
$r21 << EOD
# x wall/median noisy
0.952638 1.00932 1
0.952638 0.994022 1
0.952638 1 1
0.952638 0.998626 1
0.952638 0.996694 1
0.952638 1.01731 1
0.952638 1.01276 1
1.90528 1.01447 1
1.90528 0.999368 1
1.90528 0.990204 1
1.90528 0.99797 1
1.90528 1.08809 1
1.90528 0.997839 1
1.90528 0.994437 1
1.90528 1.04575 1
1.90528 1.00063 1
1.90528 1.00631 1
EOD
$r22 << EOD
# x wall/median noisy
1 1.00384 1
1 0.996495 1
1 1 1
1 0.993314 1
1 0.996595 1
1 1.00385 1
1 1.02017 0
2 1.00152 1
2 1.0294 1
2 1.00353 1
2 0.989745 1
2 0.99432 1
2 1 1
2 0.996208 1
EOD
$r23 << EOD
# x wall/median noisy
1.04972 0.995984 1
1.04972 1 1
1.04972 1.003 0
1.04972 0.99391 1
1.04972 1.00092 1
1.04972 0.994842 1
1.04972 1.00112 1
2.09943 0.999312 1
2.09943 0.995031 1
2.09943 1.00434 1
2.09943 0.988934 1
2.09943 0.983337 1
2.09943 1.01046 1
2.09943 1.09761 1
2.09943 1.12392 1
2.09943 1.00069 1
2.09943 0.990827 1
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
set title 'omp-us0' font ',11'
set xrange [0.769231:2.6]
set yrange [0.148662:1.2087]
set object 1 rect from graph 0, first 0.97 to graph 1, first 1.03 fc rgb '#e8e8e8' fs solid noborder behind
plot 1 notitle with lines lc rgb '#888888', \
     $r0 using 1:($3 == 0 ? $2 : NaN) with points lc rgb '#0072B2' pt 7 ps 0.9 title 'pool=as-completed', \
     $r0 using 1:($3 != 0 ? $2 : NaN) with points lc rgb '#0072B2' pt 6 ps 1.1 notitle, \
     $r1 using 1:($3 == 0 ? $2 : NaN) with points lc rgb '#D55E00' pt 5 ps 0.9 title 'pool=map', \
     $r1 using 1:($3 != 0 ? $2 : NaN) with points lc rgb '#D55E00' pt 4 ps 1.1 notitle, \
     $r2 using 1:($3 == 0 ? $2 : NaN) with points lc rgb '#009E73' pt 9 ps 0.9 title 'pool=submit', \
     $r2 using 1:($3 != 0 ? $2 : NaN) with points lc rgb '#009E73' pt 8 ps 1.1 notitle
unset object 1
set title 'omp-us1' font ',11'
set xrange [0.769231:2.6]
set yrange [0.906787:1.20025]
set object 1 rect from graph 0, first 0.97 to graph 1, first 1.03 fc rgb '#e8e8e8' fs solid noborder behind
plot 1 notitle with lines lc rgb '#888888', \
     $r3 using 1:($3 == 0 ? $2 : NaN) with points lc rgb '#0072B2' pt 7 ps 0.9 title 'pool=as-completed', \
     $r3 using 1:($3 != 0 ? $2 : NaN) with points lc rgb '#0072B2' pt 6 ps 1.1 notitle, \
     $r4 using 1:($3 == 0 ? $2 : NaN) with points lc rgb '#D55E00' pt 5 ps 0.9 title 'pool=map', \
     $r4 using 1:($3 != 0 ? $2 : NaN) with points lc rgb '#D55E00' pt 4 ps 1.1 notitle, \
     $r5 using 1:($3 == 0 ? $2 : NaN) with points lc rgb '#009E73' pt 9 ps 0.9 title 'pool=submit', \
     $r5 using 1:($3 != 0 ? $2 : NaN) with points lc rgb '#009E73' pt 8 ps 1.1 notitle
unset object 1
set title 'omp-us10' font ',11'
set xrange [0.769231:2.6]
set yrange [0.918043:1.23642]
set object 1 rect from graph 0, first 0.97 to graph 1, first 1.03 fc rgb '#e8e8e8' fs solid noborder behind
plot 1 notitle with lines lc rgb '#888888', \
     $r6 using 1:($3 == 0 ? $2 : NaN) with points lc rgb '#0072B2' pt 7 ps 0.9 title 'pool=as-completed', \
     $r6 using 1:($3 != 0 ? $2 : NaN) with points lc rgb '#0072B2' pt 6 ps 1.1 notitle, \
     $r7 using 1:($3 == 0 ? $2 : NaN) with points lc rgb '#D55E00' pt 5 ps 0.9 title 'pool=map', \
     $r7 using 1:($3 != 0 ? $2 : NaN) with points lc rgb '#D55E00' pt 4 ps 1.1 notitle, \
     $r8 using 1:($3 == 0 ? $2 : NaN) with points lc rgb '#009E73' pt 9 ps 0.9 title 'pool=submit', \
     $r8 using 1:($3 != 0 ? $2 : NaN) with points lc rgb '#009E73' pt 8 ps 1.1 notitle
unset object 1
set title 'omp-us100' font ',11'
set xrange [0.769231:2.6]
set yrange [0.9304:1.0696]
set object 1 rect from graph 0, first 0.97 to graph 1, first 1.03 fc rgb '#e8e8e8' fs solid noborder behind
plot 1 notitle with lines lc rgb '#888888', \
     $r9 using 1:($3 == 0 ? $2 : NaN) with points lc rgb '#0072B2' pt 7 ps 0.9 title 'pool=as-completed', \
     $r9 using 1:($3 != 0 ? $2 : NaN) with points lc rgb '#0072B2' pt 6 ps 1.1 notitle, \
     $r10 using 1:($3 == 0 ? $2 : NaN) with points lc rgb '#D55E00' pt 5 ps 0.9 title 'pool=map', \
     $r10 using 1:($3 != 0 ? $2 : NaN) with points lc rgb '#D55E00' pt 4 ps 1.1 notitle, \
     $r11 using 1:($3 == 0 ? $2 : NaN) with points lc rgb '#009E73' pt 9 ps 0.9 title 'pool=submit', \
     $r11 using 1:($3 != 0 ? $2 : NaN) with points lc rgb '#009E73' pt 8 ps 1.1 notitle
unset object 1
set title 'mpi-us0' font ',11'
set xrange [0.769231:2.6]
set yrange [0.729064:1.45403]
set object 1 rect from graph 0, first 0.97 to graph 1, first 1.03 fc rgb '#e8e8e8' fs solid noborder behind
plot 1 notitle with lines lc rgb '#888888', \
     $r12 using 1:($3 == 0 ? $2 : NaN) with points lc rgb '#0072B2' pt 7 ps 0.9 title 'pool=as-completed', \
     $r12 using 1:($3 != 0 ? $2 : NaN) with points lc rgb '#0072B2' pt 6 ps 1.1 notitle, \
     $r13 using 1:($3 == 0 ? $2 : NaN) with points lc rgb '#D55E00' pt 5 ps 0.9 title 'pool=map', \
     $r13 using 1:($3 != 0 ? $2 : NaN) with points lc rgb '#D55E00' pt 4 ps 1.1 notitle, \
     $r14 using 1:($3 == 0 ? $2 : NaN) with points lc rgb '#009E73' pt 9 ps 0.9 title 'pool=submit', \
     $r14 using 1:($3 != 0 ? $2 : NaN) with points lc rgb '#009E73' pt 8 ps 1.1 notitle
unset object 1
set title 'mpi-us1' font ',11'
set xrange [0.769231:2.6]
set yrange [0.812085:1.16114]
set object 1 rect from graph 0, first 0.97 to graph 1, first 1.03 fc rgb '#e8e8e8' fs solid noborder behind
plot 1 notitle with lines lc rgb '#888888', \
     $r15 using 1:($3 == 0 ? $2 : NaN) with points lc rgb '#0072B2' pt 7 ps 0.9 title 'pool=as-completed', \
     $r15 using 1:($3 != 0 ? $2 : NaN) with points lc rgb '#0072B2' pt 6 ps 1.1 notitle, \
     $r16 using 1:($3 == 0 ? $2 : NaN) with points lc rgb '#D55E00' pt 5 ps 0.9 title 'pool=map', \
     $r16 using 1:($3 != 0 ? $2 : NaN) with points lc rgb '#D55E00' pt 4 ps 1.1 notitle, \
     $r17 using 1:($3 == 0 ? $2 : NaN) with points lc rgb '#009E73' pt 9 ps 0.9 title 'pool=submit', \
     $r17 using 1:($3 != 0 ? $2 : NaN) with points lc rgb '#009E73' pt 8 ps 1.1 notitle
unset object 1
set title 'mpi-us10' font ',11'
set xrange [0.769231:2.6]
set yrange [0.919946:1.21072]
set object 1 rect from graph 0, first 0.97 to graph 1, first 1.03 fc rgb '#e8e8e8' fs solid noborder behind
plot 1 notitle with lines lc rgb '#888888', \
     $r18 using 1:($3 == 0 ? $2 : NaN) with points lc rgb '#0072B2' pt 7 ps 0.9 title 'pool=as-completed', \
     $r18 using 1:($3 != 0 ? $2 : NaN) with points lc rgb '#0072B2' pt 6 ps 1.1 notitle, \
     $r19 using 1:($3 == 0 ? $2 : NaN) with points lc rgb '#D55E00' pt 5 ps 0.9 title 'pool=map', \
     $r19 using 1:($3 != 0 ? $2 : NaN) with points lc rgb '#D55E00' pt 4 ps 1.1 notitle, \
     $r20 using 1:($3 == 0 ? $2 : NaN) with points lc rgb '#009E73' pt 9 ps 0.9 title 'pool=submit', \
     $r20 using 1:($3 != 0 ? $2 : NaN) with points lc rgb '#009E73' pt 8 ps 1.1 notitle
unset object 1
set title 'mpi-us100' font ',11'
set xrange [0.769231:2.6]
set yrange [0.925287:1.13863]
set object 1 rect from graph 0, first 0.97 to graph 1, first 1.03 fc rgb '#e8e8e8' fs solid noborder behind
plot 1 notitle with lines lc rgb '#888888', \
     $r21 using 1:($3 == 0 ? $2 : NaN) with points lc rgb '#0072B2' pt 7 ps 0.9 title 'pool=as-completed', \
     $r21 using 1:($3 != 0 ? $2 : NaN) with points lc rgb '#0072B2' pt 6 ps 1.1 notitle, \
     $r22 using 1:($3 == 0 ? $2 : NaN) with points lc rgb '#D55E00' pt 5 ps 0.9 title 'pool=map', \
     $r22 using 1:($3 != 0 ? $2 : NaN) with points lc rgb '#D55E00' pt 4 ps 1.1 notitle, \
     $r23 using 1:($3 == 0 ? $2 : NaN) with points lc rgb '#009E73' pt 9 ps 0.9 title 'pool=submit', \
     $r23 using 1:($3 != 0 ? $2 : NaN) with points lc rgb '#009E73' pt 8 ps 1.1 notitle
unset object 1
unset multiplot
set output
}
