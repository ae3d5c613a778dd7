# efficiency.gp - parallel efficiency S/p with 95% CIs, one panel per series.
# Written by scal-run; render with: gnuplot efficiency.gp (writes efficiency.png and efficiency.svg).
set encoding utf8
$c0 << EOD
# workers speedup efficiency speedup_ci_lo speedup_ci_hi eff_ci_lo eff_ci_hi
1 1 1 0.97914188 1.02027319 0.97914188 1.02027319
2 1.9309896 0.965494801 1.89347129 1.96153652 0.946735644 0.980768262
EOD
$c1 << EOD
# workers speedup efficiency speedup_ci_lo speedup_ci_hi eff_ci_lo eff_ci_hi
1 1 1 0.980932003 1.02007599 0.980932003 1.02007599
2 0.955267498 0.477633749 0.93926654 0.97511822 0.46963327 0.48755911
EOD
$c2 << EOD
# workers speedup efficiency speedup_ci_lo speedup_ci_hi eff_ci_lo eff_ci_hi
1 1 1 0.982086945 1.02009873 0.982086945 1.02009873
2 1.95035966 0.975179832 1.90684853 1.98383034 0.953424267 0.991915169
EOD
$c3 << EOD
# workers speedup efficiency speedup_ci_lo speedup_ci_hi eff_ci_lo eff_ci_hi
1 1 1 0.979840964 1.02057378 0.979840964 1.02057378
2 1.90154769 0.950773847 1.84019628 1.93028169 0.92009814 0.965140847
EOD
$s0 << EOD
1 1
2 1.96370069
4 3.68467746
8 6.82569486
EOD
$s1 << EOD
1 1
2 1.94740659
4 3.69727904
8 6.70830279
EOD
$s2 << EOD
1 1
2 1.98133126
4 1.98133126
8 1.98133126
EOD
$s3 << EOD
1 1
2 1.95118231
4 3.72694837
8 6.74370454
EOD
do for [fmt in 'png svg'] {
if (fmt eq 'svg') {
    set terminal svg size 940,410 noenhanced font 'sans,11' background '#ffffff'
} else {
    if (strstrt(GPVAL_TERMINALS, 'pngcairo') > 0) {
        set terminal pngcairo size 940,410 noenhanced font 'sans,10'
    } else {
        set terminal png size 940,410 noenhanced
    }
}
set output 'efficiency.'.fmt
set multiplot layout 1,2 title 'Efficiency S(p)/p, median with 95% CI, per series' font ',13'
set grid lc rgb '#dddddd'
set xlabel 'workers'
set ylabel 'efficiency'
set samples 200
set errorbars 0.6
set logscale x 2
unset logscale y
set key bottom left Left reverse samplen 2.5 spacing 1.1 font ',9' box opaque
set title 'threads' font ',11'
set xrange [0.769231:10.4]
set yrange [0:1.27534]
plot 1 title 'ideal' with lines lw 1.2 lc rgb '#888888', \
     $c0 using 1:3:6:7 with yerrorbars lw 1.2 lc rgb '#0072B2' pt -1 notitle, \
     $c0 using 1:3 with linespoints lw 1.8 lc rgb '#0072B2' pt 7 ps 1.2 title 'gil=off', \
     $c1 using 1:3:6:7 with yerrorbars lw 1.2 lc rgb '#D55E00' pt -1 notitle, \
     $c1 using 1:3 with linespoints lw 1.8 lc rgb '#D55E00' pt 5 ps 1.2 title 'gil=on', \
     $s0 using 1:($2/$1) with linespoints dt (6,4) lw 1 lc rgb '#0072B2' pt 6 ps 0.6 title 'schedule bound', \
     $s1 using 1:($2/$1) with linespoints dt (6,4) lw 1 lc rgb '#D55E00' pt 4 ps 0.6 notitle
set title 'ranks' font ',11'
set xrange [0.769231:10.4]
set yrange [0:1.27572]
plot 1 title 'ideal' with lines lw 1.2 lc rgb '#888888', \
     $c2 using 1:3:6:7 with yerrorbars lw 1.2 lc rgb '#0072B2' pt -1 notitle, \
     $c2 using 1:3 with linespoints lw 1.8 lc rgb '#0072B2' pt 7 ps 1.2 title 'pool=map', \
     $c3 using 1:3:6:7 with yerrorbars lw 1.2 lc rgb '#D55E00' pt -1 notitle, \
     $c3 using 1:3 with linespoints lw 1.8 lc rgb '#D55E00' pt 5 ps 1.2 title 'pool=submit', \
     $s2 using 1:($2/$1) with linespoints dt (6,4) lw 1 lc rgb '#0072B2' pt 6 ps 0.6 title 'schedule bound', \
     $s3 using 1:($2/$1) with linespoints dt (6,4) lw 1 lc rgb '#D55E00' pt 4 ps 0.6 notitle
unset multiplot
set output
}
