# efficiency.gp - parallel efficiency S/p with 95% CIs, one panel per series.
# Written by scal-run; render with: gnuplot efficiency.gp (writes efficiency.png and efficiency.svg).
set encoding utf8
$c0 << EOD
# workers speedup efficiency speedup_ci_lo speedup_ci_hi eff_ci_lo eff_ci_hi
1 1 1 0.997701301 1.002304 0.997701301 1.002304
2 1.91950464 0.959752322 1.91500043 1.92437931 0.957500215 0.962189656
8 6.31094967 0.788868709 6.29030559 6.32989218 0.786288199 0.791236523
EOD
$c1 << EOD
# workers speedup efficiency speedup_ci_lo speedup_ci_hi eff_ci_lo eff_ci_hi
1 1 1 0.997775456 1.00197066 0.997775456 1.00197066
2 1.91471111 0.957355557 1.89460052 1.91931753 0.94730026 0.959658766
8 6.30544679 0.788180849 6.1444796 6.32167362 0.76805995 0.790209203
EOD
$c2 << EOD
# workers speedup efficiency speedup_ci_lo speedup_ci_hi eff_ci_lo eff_ci_hi
1 1 1 0.974023976 1.02285331 0.974023976 1.02285331
2 0.973380889 0.486690444 0.958495133 1.00210801 0.479247567 0.501054004
EOD
$c3 << EOD
# workers speedup efficiency speedup_ci_lo speedup_ci_hi eff_ci_lo eff_ci_hi
1 1 1 0.985208406 1.01562064 0.985208406 1.01562064
2 1.58286048 0.79143024 1.56056181 1.60579638 0.780280904 0.802898192
EOD
$c4 << EOD
# workers speedup efficiency speedup_ci_lo speedup_ci_hi eff_ci_lo eff_ci_hi
1 1 1 0.974816588 1.02604699 0.974816588 1.02604699
2 1.57730794 0.788653972 1.55127709 1.61208906 0.775638547 0.806044529
EOD
$c5 << EOD
# workers speedup efficiency speedup_ci_lo speedup_ci_hi eff_ci_lo eff_ci_hi
4 4 1 3.99653041 4.00332771 0.999132603 1.00083193
EOD
$c6 << EOD
# workers speedup efficiency speedup_ci_lo speedup_ci_hi eff_ci_lo eff_ci_hi
4 4 1 3.99741491 4.00251842 0.999353728 1.0006296
EOD
$c7 << EOD
# workers speedup efficiency speedup_ci_lo speedup_ci_hi eff_ci_lo eff_ci_hi
1 1 1 0.981805047 1.01975066 0.981805047 1.01975066
2 1.85438848 0.927194239 1.69484483 1.94036564 0.847422417 0.970182821
EOD
$c8 << EOD
# workers speedup efficiency speedup_ci_lo speedup_ci_hi eff_ci_lo eff_ci_hi
2 2 1 1.88340626 2.12076362 0.941703132 1.06038181
EOD
$c9 << EOD
# workers speedup efficiency speedup_ci_lo speedup_ci_hi eff_ci_lo eff_ci_hi
2 2 1 1.61230455 2.4923478 0.806152274 1.2461739
EOD
$s0 << EOD
1 1
2 1.91957073
4 3.34351199
8 6.35442037
16 10.4919469
32 10.4919469
EOD
$s1 << EOD
1 1
2 1.92016961
4 3.3421413
8 6.3570744
16 10.4887569
32 10.4887569
EOD
$s2 << EOD
1 1
2 1.60825724
4 3.20193109
8 3.20208425
EOD
$s3 << EOD
1 1
2 1.60296711
4 3.16416781
8 3.1642673
EOD
$s4 << EOD
1 1
2 1.60917315
4 3.19344569
8 3.19361462
EOD
do for [fmt in 'png svg'] {
if (fmt eq 'svg') {
    set terminal svg size 1410,1150 noenhanced font 'sans,11' background '#ffffff'
} else {
    if (strstrt(GPVAL_TERMINALS, 'pngcairo') > 0) {
        set terminal pngcairo size 1410,1150 noenhanced font 'sans,10'
    } else {
        set terminal png size 1410,1150 noenhanced
    }
}
set output 'efficiency.'.fmt
set multiplot layout 3,3 title 'Efficiency S(p)/p, median with 95% CI, per series' font ',13'
set grid lc rgb '#dddddd'
set xlabel 'workers'
set ylabel 'efficiency'
set samples 200
set errorbars 0.6
set logscale x 2
unset logscale y
set key bottom left Left reverse samplen 2.5 spacing 1.1 font ',9' box opaque
set title 'd1-sleep-threads'."\n".'claim speedup: confirmed' font ',11'
set xrange [0.769231:41.6]
set yrange [0:1.25288]
plot 1 title 'ideal' with lines lw 1.2 lc rgb '#888888', \
     $c0 using 1:3:6:7 with yerrorbars lw 1.2 lc rgb '#0072B2' pt -1 notitle, \
     $c0 using 1:3 with linespoints lw 1.8 lc rgb '#0072B2' pt 7 ps 1.2 title 'gil=off', \
     $c1 using 1:3:6:7 with yerrorbars lw 1.2 lc rgb '#D55E00' pt -1 notitle, \
     $c1 using 1:3 with linespoints lw 1.8 lc rgb '#D55E00' pt 5 ps 1.2 title 'gil=on', \
     $s0 using 1:($2/$1) with linespoints dt (6,4) lw 1 lc rgb '#0072B2' pt 6 ps 0.6 title 'schedule bound', \
     $s1 using 1:($2/$1) with linespoints dt (6,4) lw 1 lc rgb '#D55E00' pt 4 ps 0.6 notitle
set title 'd1c-factor-gil'."\n".'claim no-speedup: confirmed' font ',11'
set xrange [0.769231:10.4]
set yrange [0:1.27857]
plot 1 title 'ideal' with lines lw 1.2 lc rgb '#888888', \
     $c2 using 1:3:6:7 with yerrorbars lw 1.2 lc rgb '#0072B2' pt -1 notitle, \
     $c2 using 1:3 with linespoints lw 1.8 lc rgb '#0072B2' pt 7 ps 1.2 title 'measured', \
     $s2 using 1:($2/$1) with linespoints dt (6,4) lw 1 lc rgb '#0072B2' pt 6 ps 0.6 title 'schedule bound'
set title 'd1c-factor-free-threads'."\n".'claim speedup: confirmed' font ',11'
set xrange [0.769231:10.4]
set yrange [0:1.26953]
plot 1 title 'ideal' with lines lw 1.2 lc rgb '#888888', \
     $c3 using 1:3:6:7 with yerrorbars lw 1.2 lc rgb '#0072B2' pt -1 notitle, \
     $c3 using 1:3 with linespoints lw 1.8 lc rgb '#0072B2' pt 7 ps 1.2 title 'measured', \
     $s3 using 1:($2/$1) with linespoints dt (6,4) lw 1 lc rgb '#0072B2' pt 6 ps 0.6 title 'schedule bound'
set title 'd1c-factor-processes'."\n".'claim speedup: confirmed' font ',11'
set xrange [0.769231:10.4]
set yrange [0:1.28256]
plot 1 title 'ideal' with lines lw 1.2 lc rgb '#888888', \
     $c4 using 1:3:6:7 with yerrorbars lw 1.2 lc rgb '#0072B2' pt -1 notitle, \
     $c4 using 1:3 with linespoints lw 1.8 lc rgb '#0072B2' pt 7 ps 1.2 title 'measured', \
     $s4 using 1:($2/$1) with linespoints dt (6,4) lw 1 lc rgb '#0072B2' pt 6 ps 0.6 title 'schedule bound'
set title 'd1b-as-completed'."\n".'claim lowest-first-result:pool=as-completed: confirmed' font ',11'
set xrange [3.07692:5.2]
set yrange [0:1.25104]
plot 1 title 'ideal' with lines lw 1.2 lc rgb '#888888', \
     $c5 using 1:3:6:7 with yerrorbars lw 1.2 lc rgb '#0072B2' pt -1 notitle, \
     $c5 using 1:3 with linespoints lw 1.8 lc rgb '#0072B2' pt 7 ps 1.2 title 'pool=as-completed', \
     $c6 using 1:3:6:7 with yerrorbars lw 1.2 lc rgb '#D55E00' pt -1 notitle, \
     $c6 using 1:3 with linespoints lw 1.8 lc rgb '#D55E00' pt 5 ps 1.2 title 'pool=submit'
set title 'd2-paths-threads'."\n".'claim speedup: confirmed' font ',11'
set xrange [0.769231:2.6]
set yrange [0:1.27469]
plot 1 title 'ideal' with lines lw 1.2 lc rgb '#888888', \
     $c7 using 1:3:6:7 with yerrorbars lw 1.2 lc rgb '#0072B2' pt -1 notitle, \
     $c7 using 1:3 with linespoints lw 1.8 lc rgb '#0072B2' pt 7 ps 1.2 title 'measured'
set title 'd2-paths-shared'."\n".'claim lowest-pss:share=window: confirmed' font ',11'
set xrange [1.53846:2.6]
set yrange [0:1.55772]
plot 1 title 'ideal' with lines lw 1.2 lc rgb '#888888', \
     $c8 using 1:3:6:7 with yerrorbars lw 1.2 lc rgb '#0072B2' pt -1 notitle, \
     $c8 using 1:3 with linespoints lw 1.8 lc rgb '#0072B2' pt 7 ps 1.2 title 'share=copy', \
     $c9 using 1:3:6:7 with yerrorbars lw 1.2 lc rgb '#D55E00' pt -1 notitle, \
     $c9 using 1:3 with linespoints lw 1.8 lc rgb '#D55E00' pt 5 ps 1.2 title 'share=window'
unset multiplot
set output
}
