# efficiency.gp - parallel efficiency S/p with 95% CIs, one panel per series.
# Written by scal-run; render with: gnuplot efficiency.gp (writes efficiency.png and efficiency.svg).
set encoding utf8
$c0 << EOD
# workers speedup efficiency speedup_ci_lo speedup_ci_hi eff_ci_lo eff_ci_hi
1 1 1 0.976085478 1.02578266 0.976085478 1.02578266
2 1.86243505 0.931217526 1.79811163 1.92299207 0.899055816 0.961496037
4 1.88153474 0.470383685 1.69048087 2.00867869 0.422620217 0.502169673
EOD
$c1 << EOD
# workers speedup efficiency speedup_ci_lo speedup_ci_hi eff_ci_lo eff_ci_hi
1 1 1 0.978611494 1.02382569 0.978611494 1.02382569
2 0.949312862 0.474656431 0.914496648 0.971045044 0.457248324 0.485522522
4 0.952893145 0.238223286 0.903086482 0.975245134 0.22577162 0.243811283
EOD
$c2 << EOD
# workers speedup efficiency speedup_ci_lo speedup_ci_hi eff_ci_lo eff_ci_hi
1 1 1 0.978304384 1.02217675 0.978304384 1.02217675
2 1.80445841 0.902229204 1.73733623 1.85850113 0.868668116 0.929250564
4 1.77211614 0.443029036 1.69833447 1.80818389 0.424583618 0.452045974
EOD
$s0 << EOD
1 1
2 1.87169906
4 3.34547
8 5.64304769
16 11.2207152
EOD
$s1 << EOD
1 1
2 1.88127115
4 3.38735221
8 5.63343081
16 10.7637829
EOD
$s2 << EOD
1 1
2 1.87673674
4 3.34068671
8 5.69264123
16 10.9371067
EOD
do for [fmt in 'png svg'] {
if (fmt eq 'svg') {
    set terminal svg size 1410,410 noenhanced font 'sans,11' background '#ffffff'
} else {
    if (strstrt(GPVAL_TERMINALS, 'pngcairo') > 0) {
        set terminal pngcairo size 1410,410 noenhanced font 'sans,10'
    } else {
        set terminal png size 1410,410 noenhanced
    }
}
set output 'efficiency.'.fmt
set multiplot layout 1,3 title 'Efficiency S(p)/p, median with 95% CI, per series' font ',13'
set grid lc rgb '#dddddd'
set xlabel 'workers'
set ylabel 'efficiency'
set samples 200
set errorbars 0.6
set logscale x 2
unset logscale y
set key bottom left Left reverse samplen 2.5 spacing 1.1 font ',9' box opaque
set title 'free-threads' font ',11'
set xrange [0.769231:20.8]
set yrange [0:1.28223]
plot 1 title 'ideal' with lines lw 1.2 lc rgb '#888888', \
     $c0 using 1:3:6:7 with yerrorbars lw 1.2 lc rgb '#0072B2' pt -1 notitle, \
     $c0 using 1:3 with linespoints lw 1.8 lc rgb '#0072B2' pt 7 ps 1.2 title 'measured', \
     $s0 using 1:($2/$1) with linespoints dt (6,4) lw 1 lc rgb '#0072B2' pt 6 ps 0.6 title 'schedule bound'
set title 'threads-gil' font ',11'
set xrange [0.769231:20.8]
set yrange [0:1.27978]
plot 1 title 'ideal' with lines lw 1.2 lc rgb '#888888', \
     $c1 using 1:3:6:7 with yerrorbars lw 1.2 lc rgb '#0072B2' pt -1 notitle, \
     $c1 using 1:3 with linespoints lw 1.8 lc rgb '#0072B2' pt 7 ps 1.2 title 'measured', \
     $s1 using 1:($2/$1) with linespoints dt (6,4) lw 1 lc rgb '#0072B2' pt 6 ps 0.6 title 'schedule bound'
set title 'processes' font ',11'
set xrange [0.769231:20.8]
set yrange [0:1.27772]
plot 1 title 'ideal' with lines lw 1.2 lc rgb '#888888', \
     $c2 using 1:3:6:7 with yerrorbars lw 1.2 lc rgb '#0072B2' pt -1 notitle, \
     $c2 using 1:3 with linespoints lw 1.8 lc rgb '#0072B2' pt 7 ps 1.2 title 'measured', \
     $s2 using 1:($2/$1) with linespoints dt (6,4) lw 1 lc rgb '#0072B2' pt 6 ps 0.6 title 'schedule bound'
unset multiplot
set output
}
