# speedup.gp - speedup with 95% CIs, ideal, schedule bound and Amdahl fit, one panel per series.
# Written by scal-run; render with: gnuplot speedup.gp (writes speedup.png and speedup.svg).
set encoding utf8
$c0 << EOD
# workers speedup efficiency speedup_ci_lo speedup_ci_hi eff_ci_lo eff_ci_hi
1 1 1 0.925049622 1.08158946 0.925049622 1.08158946
2 1.9532154 0.976607702 1.73797798 2.14655092 0.868988992 1.07327546
4 1.9799109 0.494977725 1.84412405 2.16125732 0.461031012 0.54031433
EOD
$c1 << EOD
# workers speedup efficiency speedup_ci_lo speedup_ci_hi eff_ci_lo eff_ci_hi
1 1 1 0.951564437 1.04620873 0.951564437 1.04620873
2 2.00725171 1.00362586 1.77475576 2.09957278 0.887377882 1.04978639
4 1.68736992 0.42184248 1.59344732 1.75956568 0.39836183 0.43989142
EOD
$c2 << EOD
# workers speedup efficiency speedup_ci_lo speedup_ci_hi eff_ci_lo eff_ci_hi
1 1 1 0.934980226 1.06936321 0.934980226 1.06936321
2 1.43998242 0.71999121 1.34568436 1.54188632 0.672842178 0.770943161
4 1.16170473 0.290426182 1.06550945 1.24483553 0.266377363 0.311208883
EOD
$c3 << EOD
# workers speedup efficiency speedup_ci_lo speedup_ci_hi eff_ci_lo eff_ci_hi
1 1 1 0.877428455 1.15845383 0.877428455 1.15845383
2 1.95078055 0.975390277 1.70962116 2.08561261 0.854810578 1.0428063
4 1.8599401 0.464985025 1.6615356 2.13826514 0.4153839 0.534566286
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
set title 'threads' font ',11'
set xrange [0.769231:5.2]
set yrange [*:*]
plot x title 'ideal' with lines lw 1.2 lc rgb '#888888', \
     $c0 using 1:2:4:5 with yerrorbars lw 1.2 lc rgb '#0072B2' pt -1 notitle, \
     $c0 using 1:2 with linespoints lw 1.8 lc rgb '#0072B2' pt 7 ps 1.2 title 'measured'
set title 'processes' font ',11'
set xrange [0.769231:5.2]
set yrange [*:*]
plot x title 'ideal' with lines lw 1.2 lc rgb '#888888', \
     $c1 using 1:2:4:5 with yerrorbars lw 1.2 lc rgb '#0072B2' pt -1 notitle, \
     $c1 using 1:2 with linespoints lw 1.8 lc rgb '#0072B2' pt 7 ps 1.2 title 'share=copy', \
     $c2 using 1:2:4:5 with yerrorbars lw 1.2 lc rgb '#D55E00' pt -1 notitle, \
     $c2 using 1:2 with linespoints lw 1.8 lc rgb '#D55E00' pt 5 ps 1.2 title 'share=per-task', \
     $c3 using 1:2:4:5 with yerrorbars lw 1.2 lc rgb '#009E73' pt -1 notitle, \
     $c3 using 1:2 with linespoints lw 1.8 lc rgb '#009E73' pt 9 ps 1.2 title 'share=window'
unset multiplot
set output
}
