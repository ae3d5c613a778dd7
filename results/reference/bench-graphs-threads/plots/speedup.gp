# speedup.gp - speedup with 95% CIs, ideal, schedule bound and Amdahl fit, one panel per series.
# Written by scal-run; render with: gnuplot speedup.gp (writes speedup.png and speedup.svg).
set encoding utf8
$c0 << EOD
# workers speedup efficiency speedup_ci_lo speedup_ci_hi eff_ci_lo eff_ci_hi
1 1 1 0.964958797 1.03473414 0.964958797 1.03473414
2 2.08550374 1.04275187 1.95696796 2.35290786 0.978483979 1.17645393
EOD
$s0 << EOD
1 1
2 1.99973485
4 3.99820483
8 7.98989053
EOD
do for [fmt in 'png svg'] {
if (fmt eq 'svg') {
    set terminal svg size 705,595 noenhanced font 'sans,11' background '#ffffff'
} else {
    if (strstrt(GPVAL_TERMINALS, 'pngcairo') > 0) {
        set terminal pngcairo size 705,595 noenhanced font 'sans,10'
    } else {
        set terminal png size 705,595 noenhanced
    }
}
set output 'speedup.'.fmt
set multiplot layout 1,1 title 'Speedup T(1)/T(p), median with 95% CI (bootstrap), per series' font ',13'
set grid lc rgb '#dddddd'
set xlabel 'workers'
set ylabel 'speedup'
set samples 200
set errorbars 0.6
set logscale x 2
set logscale y 2
set key top left Left reverse samplen 2.5 spacing 1.1 font ',9' box opaque
set title 'global'."\n".'claim speedup: confirmed' font ',11'
set xrange [0.769231:10.4]
set yrange [*:*]
plot x title 'ideal' with lines lw 1.2 lc rgb '#888888', \
     $c0 using 1:2:4:5 with yerrorbars lw 1.2 lc rgb '#0072B2' pt -1 notitle, \
     $c0 using 1:2 with linespoints lw 1.8 lc rgb '#0072B2' pt 7 ps 1.2 title 'measured', \
     $s0 using 1:2 with linespoints dt (6,4) lw 1 lc rgb '#0072B2' pt 6 ps 0.6 title 'schedule bound'
unset multiplot
set output
}
