# spread.gp - every repetition's wall time over its point's median, one panel per series.
# Written by scal-run; render with: gnuplot spread.gp (writes spread.png and spread.svg).
set encoding utf8
$r0 << EOD
# x wall/median noisy
0.929805 1.03934 0
0.929805 1.05654 0
0.929805 0.993274 0
0.929805 1.03695 0
0.929805 0.99216 0
0.929805 0.998861 0
0.929805 0.986033 0
0.929805 1.03666 0
0.929805 0.979212 0
0.929805 1.00114 0
EOD
$r1 << EOD
# x wall/median noisy
0.976032 1.02785 0
0.976032 1.01652 0
0.976032 0.975034 0
0.976032 1.01704 0
0.976032 0.965862 0
0.976032 1.02422 0
0.976032 1.02071 0
0.976032 0.983479 0
0.976032 0.972042 0
0.976032 0.961198 0
EOD
$r2 << EOD
# x wall/median noisy
1.02456 1.03951 0
1.02456 1.00529 0
1.02456 1.10074 0
1.02456 0.990528 0
1.02456 0.978282 0
1.02456 0.994714 0
1.02456 1.00997 0
1.02456 1.0057 0
1.02456 0.971009 0
1.02456 0.947776 0
EOD
$r3 << EOD
# x wall/median noisy
1.07549 1.04874 0
1.07549 1.00754 0
1.07549 0.978937 0
1.07549 0.984941 0
1.07549 1.00619 0
1.07549 1.04704 0
1.07549 0.993812 0
1.07549 1.00703 0
1.07549 0.950604 0
1.07549 0.942071 0
EOD
$r4 << EOD
# x wall/median noisy
0.929805 1.05174 0
0.929805 1.28038 1
0.929805 0.989144 0
0.929805 1.01086 0
0.929805 0.981482 0
0.929805 0.968103 0
0.929805 1.0452 0
0.929805 1.02656 0
0.929805 0.976958 0
0.929805 0.985339 0
EOD
$r5 << EOD
# x wall/median noisy
0.976032 1.04666 0
0.976032 1.01168 0
0.976032 0.988951 0
0.976032 1.02796 0
0.976032 0.98413 0
0.976032 1.01105 0
0.976032 0.964506 0
0.976032 0.963356 0
0.976032 1.01325 0
0.976032 0.961286 0
EOD
$r6 << EOD
# x wall/median noisy
1.02456 1.1469 0
1.02456 1.01082 0
1.02456 0.989181 0
1.02456 1.0462 0
1.02456 0.965492 0
1.02456 1.01342 0
1.02456 0.955898 0
1.02456 1.1517 0
1.02456 0.985278 0
1.02456 0.978158 0
EOD
$r7 << EOD
# x wall/median noisy
1.07549 1.01896 0
1.07549 1.01652 0
1.07549 1.14947 0
1.07549 1.43235 0
1.07549 0.974356 0
1.07549 0.983484 0
1.07549 1.03609 0
1.07549 0.983042 0
1.07549 0.924069 0
1.07549 0.923799 0
EOD
$r8 << EOD
# x wall/median noisy
0.929805 1.04332 0
0.929805 1.17824 0
0.929805 0.874345 0
0.929805 1.11453 0
0.929805 1.13733 0
0.929805 0.861021 0
0.929805 0.956682 0
0.929805 1.14672 0
0.929805 0.871609 0
0.929805 0.950898 0
EOD
$r9 << EOD
# x wall/median noisy
0.976032 0.989917 0
0.976032 1.09835 0
0.976032 0.970891 0
0.976032 1.07171 0
0.976032 1.01159 0
0.976032 1.01008 0
0.976032 1.05212 0
0.976032 0.945493 0
0.976032 0.899968 0
0.976032 0.966521 0
EOD
$r10 << EOD
# x wall/median noisy
1.02456 1.02693 0
1.02456 1.02849 0
1.02456 1.00149 0
1.02456 0.998512 0
1.02456 0.986907 0
1.02456 0.984827 0
EOD
$r11 << EOD
# x wall/median noisy
1.07549 1.0203 0
1.07549 1.01586 0
1.07549 0.98097 0
1.07549 0.987175 0
1.07549 0.972134 0
1.07549 1.01282 0
EOD
$r12 << EOD
# x wall/median noisy
1 1.17955 0
1 1.03693 0
1 0.98104 0
1 1.12232 0
1 0.996456 0
1 1.3276 0
1 1.00354 0
1 0.981974 0
1 0.942169 0
1 0.947118 0
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
set title 'matvec' font ',11'
set xrange [0.769231:1.3]
set yrange [0.927141:1.1136]
set object 1 rect from graph 0, first 0.97 to graph 1, first 1.03 fc rgb '#e8e8e8' fs solid noborder behind
plot 1 notitle with lines lc rgb '#888888', \
     $r0 using 1:($3 == 0 ? $2 : NaN) with points lc rgb '#0072B2' pt 7 ps 0.9 title 'nodes=1024 fraction=0.001', \
     $r0 using 1:($3 != 0 ? $2 : NaN) with points lc rgb '#0072B2' pt 6 ps 1.1 notitle, \
     $r1 using 1:($3 == 0 ? $2 : NaN) with points lc rgb '#D55E00' pt 5 ps 0.9 title 'nodes=1024 fraction=0.01', \
     $r1 using 1:($3 != 0 ? $2 : NaN) with points lc rgb '#D55E00' pt 4 ps 1.1 notitle, \
     $r2 using 1:($3 == 0 ? $2 : NaN) with points lc rgb '#009E73' pt 9 ps 0.9 title 'nodes=4096 fraction=0.001', \
     $r2 using 1:($3 != 0 ? $2 : NaN) with points lc rgb '#009E73' pt 8 ps 1.1 notitle, \
     $r3 using 1:($3 == 0 ? $2 : NaN) with points lc rgb '#CC79A7' pt 11 ps 0.9 title 'nodes=4096 fraction=0.01', \
     $r3 using 1:($3 != 0 ? $2 : NaN) with points lc rgb '#CC79A7' pt 10 ps 1.1 notitle
unset object 1
set title 'bitset' font ',11'
set xrange [0.769231:1.3]
set yrange [0.883115:1.47303]
set object 1 rect from graph 0, first 0.97 to graph 1, first 1.03 fc rgb '#e8e8e8' fs solid noborder behind
plot 1 notitle with lines lc rgb '#888888', \
     $r4 using 1:($3 == 0 ? $2 : NaN) with points lc rgb '#0072B2' pt 7 ps 0.9 title 'nodes=1024 fraction=0.001', \
     $r4 using 1:($3 != 0 ? $2 : NaN) with points lc rgb '#0072B2' pt 6 ps 1.1 notitle, \
     $r5 using 1:($3 == 0 ? $2 : NaN) with points lc rgb '#D55E00' pt 5 ps 0.9 title 'nodes=1024 fraction=0.01', \
     $r5 using 1:($3 != 0 ? $2 : NaN) with points lc rgb '#D55E00' pt 4 ps 1.1 notitle, \
     $r6 using 1:($3 == 0 ? $2 : NaN) with points lc rgb '#009E73' pt 9 ps 0.9 title 'nodes=4096 fraction=0.001', \
     $r6 using 1:($3 != 0 ? $2 : NaN) with points lc rgb '#009E73' pt 8 ps 1.1 notitle, \
     $r7 using 1:($3 == 0 ? $2 : NaN) with points lc rgb '#CC79A7' pt 11 ps 0.9 title 'nodes=4096 fraction=0.01', \
     $r7 using 1:($3 != 0 ? $2 : NaN) with points lc rgb '#CC79A7' pt 10 ps 1.1 notitle
unset object 1
set title 'bitset-large' font ',11'
set xrange [0.769231:1.3]
set yrange [0.835644:1.20362]
set object 1 rect from graph 0, first 0.97 to graph 1, first 1.03 fc rgb '#e8e8e8' fs solid noborder behind
plot 1 notitle with lines lc rgb '#888888', \
     $r8 using 1:($3 == 0 ? $2 : NaN) with points lc rgb '#0072B2' pt 7 ps 0.9 title 'nodes=100000 fraction=0.0001', \
     $r8 using 1:($3 != 0 ? $2 : NaN) with points lc rgb '#0072B2' pt 6 ps 1.1 notitle, \
     $r9 using 1:($3 == 0 ? $2 : NaN) with points lc rgb '#D55E00' pt 5 ps 0.9 title 'nodes=100000 fraction=0.0005', \
     $r9 using 1:($3 != 0 ? $2 : NaN) with points lc rgb '#D55E00' pt 4 ps 1.1 notitle, \
     $r10 using 1:($3 == 0 ? $2 : NaN) with points lc rgb '#009E73' pt 9 ps 0.9 title 'nodes=20000 fraction=0.0001', \
     $r10 using 1:($3 != 0 ? $2 : NaN) with points lc rgb '#009E73' pt 8 ps 1.1 notitle, \
     $r11 using 1:($3 == 0 ? $2 : NaN) with points lc rgb '#CC79A7' pt 11 ps 0.9 title 'nodes=20000 fraction=0.0005', \
     $r11 using 1:($3 != 0 ? $2 : NaN) with points lc rgb '#CC79A7' pt 10 ps 1.1 notitle
unset object 1
set title 'bitset-grouped' font ',11'
set xrange [0.769231:1.3]
set yrange [0.908992:1.3586]
set object 1 rect from graph 0, first 0.97 to graph 1, first 1.03 fc rgb '#e8e8e8' fs solid noborder behind
plot 1 notitle with lines lc rgb '#888888', \
     $r12 using 1:($3 == 0 ? $2 : NaN) with points lc rgb '#0072B2' pt 7 ps 0.9 title 'measured', \
     $r12 using 1:($3 != 0 ? $2 : NaN) with points lc rgb '#0072B2' pt 6 ps 1.1 notitle
unset object 1
unset multiplot
set output
}
