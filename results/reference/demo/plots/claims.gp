# claims.gp - the metric each lowest-* claim compares, one panel per series.
# Written by scal-run; render with: gnuplot claims.gp (writes claims.png and claims.svg).
set encoding utf8
$m5 << EOD
# x median ci_lo ci_hi
3.90412704 0.001726884 0.001618788 0.001824268
EOD
$m6 << EOD
# x median ci_lo ci_hi
4.09822729 0.0933293935 0.093271249 0.093453314
EOD
$m8 << EOD
# x median ci_lo ci_hi
1.95206352 45.9111328 45.8251953 45.9443359
EOD
$m9 << EOD
# x median ci_lo ci_hi
2.04911365 30.3491211 30.2675781 30.421875
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
set output 'claims.'.fmt
set multiplot layout 1,2 title 'What each lowest-* claim compares: median with 95% CI per curve' font ',13'
set grid lc rgb '#dddddd'
set xlabel 'workers'
set logscale x 2
set logscale y 10
set errorbars 0.6
set key top left Left reverse samplen 1 font ',9' box opaque
set title 'd1b-as-completed'."\n".'claim lowest-first-result:pool=as-completed: confirmed' font ',11'
set ylabel 'first result (s)'
set xrange [2.66667:6]
plot $m5 using 1:2:3:4 with yerrorbars lw 1.2 lc rgb '#0072B2' pt -1 notitle, \
     $m5 using 1:2 with linespoints lw 1.8 lc rgb '#0072B2' pt 7 ps 1.3 title 'pool=as-completed', \
     $m6 using 1:2:3:4 with yerrorbars lw 1.2 lc rgb '#D55E00' pt -1 notitle, \
     $m6 using 1:2 with linespoints lw 1.8 lc rgb '#D55E00' pt 5 ps 1.3 title 'pool=submit'
set title 'd2-paths-shared'."\n".'claim lowest-pss:share=window: confirmed' font ',11'
set ylabel 'PSS (MiB)'
set xrange [1.33333:3]
plot $m8 using 1:2:3:4 with yerrorbars lw 1.2 lc rgb '#0072B2' pt -1 notitle, \
     $m8 using 1:2 with linespoints lw 1.8 lc rgb '#0072B2' pt 7 ps 1.3 title 'share=copy', \
     $m9 using 1:2:3:4 with yerrorbars lw 1.2 lc rgb '#D55E00' pt -1 notitle, \
     $m9 using 1:2 with linespoints lw 1.8 lc rgb '#D55E00' pt 5 ps 1.3 title 'share=window'
unset multiplot
set output
}
