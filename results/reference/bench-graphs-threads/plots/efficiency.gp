# efficiency.gp - parallel efficiency S/p with 95% CIs, one panel per series.
# Written by scal-run; render with: gnuplot efficiency.gp (writes efficiency.png and efficiency.svg).
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
set output 'efficiency.'.fmt
set multiplot layout 1,1 title 'Efficiency S(p)/p, median with 95% CI, per series' font ',13'
set grid lc rgb '#dddddd'
set xlabel 'workers'
set ylabel 'efficiency'
set samples 200
set errorbars 0.6
set logscale x 2
unset logscale y
set key bottom left Left reverse samplen 2.5 spacing 1.1 font ',9' box opaque
set title 'global'."\n".'claim speedup: confirmed' font ',11'
set xrange [0.769231:10.4]
set yrange [0:1.47057]
plot 1 title 'ideal' with lines lw 1.2 lc rgb '#888888', \
     $c0 using 1:3:6:7 with yerrorbars lw 1.2 lc rgb '#0072B2' pt -1 notitle, \
     $c0 using 1:3 with linespoints lw 1.8 lc rgb '#0072B2' pt 7 ps 1.2 title 'measured', \
     $s0 using 1:($2/$1) with linespoints dt (6,4) lw 1 lc rgb '#0072B2' pt 6 ps 0.6 title 'schedule bound'
unset multiplot
set output
}
