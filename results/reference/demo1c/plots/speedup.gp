# speedup.gp - speedup with 95% CIs, ideal, schedule bound and Amdahl fit, one panel per series.
# Written by scal-run; render with: gnuplot speedup.gp (writes speedup.png and speedup.svg).
set encoding utf8
$c0 << EOD
# workers speedup efficiency speedup_ci_lo speedup_ci_hi eff_ci_lo eff_ci_hi
1 1 1 0.963284284 1.03809653 0.963284284 1.03809653
2 0.959718318 0.479859159 0.928950707 1.00285469 0.464475353 0.501427344
4 0.993424539 0.248356135 0.953073938 1.01640335 0.238268485 0.254100837
8 0.945361144 0.118170143 0.914230536 0.989472735 0.114278817 0.123684092
EOD
$c1 << EOD
# workers speedup efficiency speedup_ci_lo speedup_ci_hi eff_ci_lo eff_ci_hi
1 1 1 0.969027403 1.03196256 0.969027403 1.03196256
2 1.87595422 0.937977111 1.78157233 1.9054317 0.890786166 0.952715848
4 1.74934644 0.43733661 1.67957202 1.86329794 0.419893005 0.465824486
EOD
$s0 << EOD
1 1
2 1.87370648
4 3.36584436
8 5.68447301
16 11.0992471
32 11.0992471
EOD
$s1 << EOD
1 1
2 1.87502381
4 3.35121698
8 5.6387813
16 11.1669384
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
set output 'speedup.'.fmt
set multiplot layout 1,2 title 'Speedup T(1)/T(p), median with 95% CI (bootstrap), per series' font ',13'
set grid lc rgb '#dddddd'
set xlabel 'workers'
set ylabel 'speedup'
set samples 200
set errorbars 0.6
set logscale x 2
set logscale y 2
set key top left Left reverse samplen 2.5 spacing 1.1 font ',9' box opaque
set title 'threads-gil' font ',11'
set xrange [0.769231:41.6]
set yrange [*:*]
plot x title 'ideal' with lines lw 1.2 lc rgb '#888888', \
     $c0 using 1:2:4:5 with yerrorbars lw 1.2 lc rgb '#0072B2' pt -1 notitle, \
     $c0 using 1:2 with linespoints lw 1.8 lc rgb '#0072B2' pt 7 ps 1.2 title 'measured', \
     $s0 using 1:2 with linespoints dt (6,4) lw 1 lc rgb '#0072B2' pt 6 ps 0.6 title 'schedule bound', \
     1/(1 + (1-1)/x) with lines dt (2,3) lw 1.2 lc rgb '#0072B2' title 'Amdahl fit'
set title 'processes' font ',11'
set xrange [0.769231:20.8]
set yrange [*:*]
plot x title 'ideal' with lines lw 1.2 lc rgb '#888888', \
     $c1 using 1:2:4:5 with yerrorbars lw 1.2 lc rgb '#0072B2' pt -1 notitle, \
     $c1 using 1:2 with linespoints lw 1.8 lc rgb '#0072B2' pt 7 ps 1.2 title 'measured', \
     $s1 using 1:2 with linespoints dt (6,4) lw 1 lc rgb '#0072B2' pt 6 ps 0.6 title 'schedule bound'
unset multiplot
set output
}
