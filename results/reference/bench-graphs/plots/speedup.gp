# speedup.gp - speedup with 95% CIs, ideal, schedule bound and Amdahl fit, one panel per series.
# Written by scal-run; render with: gnuplot speedup.gp (writes speedup.png and speedup.svg).
set encoding utf8
$c0 << EOD
# workers speedup efficiency speedup_ci_lo speedup_ci_hi eff_ci_lo eff_ci_hi
4 4 1 NaN NaN NaN NaN
EOD
$c1 << EOD
# workers speedup efficiency speedup_ci_lo speedup_ci_hi eff_ci_lo eff_ci_hi
4 4 1 NaN NaN NaN NaN
EOD
$c2 << EOD
# workers speedup efficiency speedup_ci_lo speedup_ci_hi eff_ci_lo eff_ci_hi
4 4 1 NaN NaN NaN NaN
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
set output 'speedup.'.fmt
set multiplot layout 1,3 title 'Speedup T(1)/T(p), median with 95% CI (bootstrap), per series' font ',13'
set grid lc rgb '#dddddd'
set xlabel 'workers'
set ylabel 'speedup'
set samples 200
set errorbars 0.6
set logscale x 2
set logscale y 2
set key top left Left reverse samplen 2.5 spacing 1.1 font ',9' box opaque
set title 'window' font ',11'
set xrange [3.07692:5.2]
set yrange [*:*]
plot x title 'ideal' with lines lw 1.2 lc rgb '#888888', \
     $c0 using 1:2:4:5 with yerrorbars lw 1.2 lc rgb '#0072B2' pt -1 notitle, \
     $c0 using 1:2 with linespoints lw 1.8 lc rgb '#0072B2' pt 7 ps 1.2 title 'measured'
set title 'copy' font ',11'
set xrange [3.07692:5.2]
set yrange [*:*]
plot x title 'ideal' with lines lw 1.2 lc rgb '#888888', \
     $c1 using 1:2:4:5 with yerrorbars lw 1.2 lc rgb '#0072B2' pt -1 notitle, \
     $c1 using 1:2 with linespoints lw 1.8 lc rgb '#0072B2' pt 7 ps 1.2 title 'measured'
set title 'per-task' font ',11'
set xrange [3.07692:5.2]
set yrange [*:*]
plot x title 'ideal' with lines lw 1.2 lc rgb '#888888', \
     $c2 using 1:2:4:5 with yerrorbars lw 1.2 lc rgb '#0072B2' pt -1 notitle, \
     $c2 using 1:2 with linespoints lw 1.8 lc rgb '#0072B2' pt 7 ps 1.2 title 'measured'
unset multiplot
set output
}
