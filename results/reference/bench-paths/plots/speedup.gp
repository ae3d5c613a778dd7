# speedup.gp - speedup with 95% CIs, ideal, schedule bound and Amdahl fit, one panel per series.
# Written by scal-run; render with: gnuplot speedup.gp (writes speedup.png and speedup.svg).
set encoding utf8
$c0 << EOD
# workers speedup efficiency speedup_ci_lo speedup_ci_hi eff_ci_lo eff_ci_hi
1 1 1 0.957884372 1.04382977 0.957884372 1.04382977
EOD
$c1 << EOD
# workers speedup efficiency speedup_ci_lo speedup_ci_hi eff_ci_lo eff_ci_hi
1 1 1 0.955503156 1.04656902 0.955503156 1.04656902
EOD
$c2 << EOD
# workers speedup efficiency speedup_ci_lo speedup_ci_hi eff_ci_lo eff_ci_hi
1 1 1 0.97069831 1.0301862 0.97069831 1.0301862
EOD
$c3 << EOD
# workers speedup efficiency speedup_ci_lo speedup_ci_hi eff_ci_lo eff_ci_hi
1 1 1 0.965404384 1.03785672 0.965404384 1.03785672
EOD
$c4 << EOD
# workers speedup efficiency speedup_ci_lo speedup_ci_hi eff_ci_lo eff_ci_hi
1 1 1 0.949344569 1.05335832 0.949344569 1.05335832
EOD
$c5 << EOD
# workers speedup efficiency speedup_ci_lo speedup_ci_hi eff_ci_lo eff_ci_hi
1 1 1 0.962623776 1.04638668 0.962623776 1.04638668
EOD
$c6 << EOD
# workers speedup efficiency speedup_ci_lo speedup_ci_hi eff_ci_lo eff_ci_hi
1 1 1 0.93580156 1.06480739 0.93580156 1.06480739
EOD
$c7 << EOD
# workers speedup efficiency speedup_ci_lo speedup_ci_hi eff_ci_lo eff_ci_hi
1 1 1 0.936906924 1.09153043 0.936906924 1.09153043
EOD
$c8 << EOD
# workers speedup efficiency speedup_ci_lo speedup_ci_hi eff_ci_lo eff_ci_hi
1 1 1 0.818843152 1.21924943 0.818843152 1.21924943
EOD
$c9 << EOD
# workers speedup efficiency speedup_ci_lo speedup_ci_hi eff_ci_lo eff_ci_hi
1 1 1 0.932128301 1.062791 0.932128301 1.062791
EOD
$c10 << EOD
# workers speedup efficiency speedup_ci_lo speedup_ci_hi eff_ci_lo eff_ci_hi
1 1 1 0.968123018 1.03371064 0.968123018 1.03371064
EOD
$c11 << EOD
# workers speedup efficiency speedup_ci_lo speedup_ci_hi eff_ci_lo eff_ci_hi
1 1 1 0.96659682 1.03541178 0.96659682 1.03541178
EOD
$c12 << EOD
# workers speedup efficiency speedup_ci_lo speedup_ci_hi eff_ci_lo eff_ci_hi
1 1 1 0.878986168 1.13456083 0.878986168 1.13456083
EOD
$s0 << EOD
1 1
2 1.98903075
4 3.9427025
EOD
$s1 << EOD
1 1
2 1.98844207
4 3.90041218
EOD
$s2 << EOD
1 1
2 1.97986896
4 3.87519891
EOD
$s3 << EOD
1 1
2 1.98269664
4 3.92845343
EOD
$s12 << EOD
1 1
2 1.99995192
4 3.99967199
EOD
do for [fmt in 'png svg'] {
if (fmt eq 'svg') {
    set terminal svg size 940,780 noenhanced font 'sans,11' background '#ffffff'
} else {
    if (strstrt(GPVAL_TERMINALS, 'pngcairo') > 0) {
        set terminal pngcairo size 940,780 noenhanced font 'sans,10'
    } else {
        set terminal png size 940,780 noenhanced
    }
}
set output 'speedup.'.fmt
set multiplot layout 2,2 title 'Speedup T(1)/T(p), median with 95% CI (bootstrap), per series' font ',13'
set grid lc rgb '#dddddd'
set xlabel 'workers'
set ylabel 'speedup'
set samples 200
set errorbars 0.6
set logscale x 2
set logscale y 2
set key top left Left reverse samplen 2.5 spacing 1.1 font ',9' box opaque
set title 'matvec' font ',11'
set xrange [0.769231:5.2]
set yrange [*:*]
plot x title 'ideal' with lines lw 1.2 lc rgb '#888888', \
     $c0 using 1:2:4:5 with yerrorbars lw 1.2 lc rgb '#0072B2' pt -1 notitle, \
     $c0 using 1:2 with linespoints lw 1.8 lc rgb '#0072B2' pt 7 ps 1.2 title 'nodes=1024 fraction=0.001', \
     $c1 using 1:2:4:5 with yerrorbars lw 1.2 lc rgb '#D55E00' pt -1 notitle, \
     $c1 using 1:2 with linespoints lw 1.8 lc rgb '#D55E00' pt 5 ps 1.2 title 'nodes=1024 fraction=0.01', \
     $c2 using 1:2:4:5 with yerrorbars lw 1.2 lc rgb '#009E73' pt -1 notitle, \
     $c2 using 1:2 with linespoints lw 1.8 lc rgb '#009E73' pt 9 ps 1.2 title 'nodes=4096 fraction=0.001', \
     $c3 using 1:2:4:5 with yerrorbars lw 1.2 lc rgb '#CC79A7' pt -1 notitle, \
     $c3 using 1:2 with linespoints lw 1.8 lc rgb '#CC79A7' pt 11 ps 1.2 title 'nodes=4096 fraction=0.01', \
     $s0 using 1:2 with linespoints dt (6,4) lw 1 lc rgb '#0072B2' pt 6 ps 0.6 title 'schedule bound', \
     $s1 using 1:2 with linespoints dt (6,4) lw 1 lc rgb '#D55E00' pt 4 ps 0.6 notitle, \
     $s2 using 1:2 with linespoints dt (6,4) lw 1 lc rgb '#009E73' pt 8 ps 0.6 notitle, \
     $s3 using 1:2 with linespoints dt (6,4) lw 1 lc rgb '#CC79A7' pt 10 ps 0.6 notitle
set title 'bitset' font ',11'
set xrange [0.769231:1.3]
set yrange [*:*]
plot x title 'ideal' with lines lw 1.2 lc rgb '#888888', \
     $c4 using 1:2:4:5 with yerrorbars lw 1.2 lc rgb '#0072B2' pt -1 notitle, \
     $c4 using 1:2 with linespoints lw 1.8 lc rgb '#0072B2' pt 7 ps 1.2 title 'nodes=1024 fraction=0.001', \
     $c5 using 1:2:4:5 with yerrorbars lw 1.2 lc rgb '#D55E00' pt -1 notitle, \
     $c5 using 1:2 with linespoints lw 1.8 lc rgb '#D55E00' pt 5 ps 1.2 title 'nodes=1024 fraction=0.01', \
     $c6 using 1:2:4:5 with yerrorbars lw 1.2 lc rgb '#009E73' pt -1 notitle, \
     $c6 using 1:2 with linespoints lw 1.8 lc rgb '#009E73' pt 9 ps 1.2 title 'nodes=4096 fraction=0.001', \
     $c7 using 1:2:4:5 with yerrorbars lw 1.2 lc rgb '#CC79A7' pt -1 notitle, \
     $c7 using 1:2 with linespoints lw 1.8 lc rgb '#CC79A7' pt 11 ps 1.2 title 'nodes=4096 fraction=0.01'
set title 'bitset-large' font ',11'
set xrange [0.769231:1.3]
set yrange [*:*]
plot x title 'ideal' with lines lw 1.2 lc rgb '#888888', \
     $c8 using 1:2:4:5 with yerrorbars lw 1.2 lc rgb '#0072B2' pt -1 notitle, \
     $c8 using 1:2 with linespoints lw 1.8 lc rgb '#0072B2' pt 7 ps 1.2 title 'nodes=100000 fraction=0.0001', \
     $c9 using 1:2:4:5 with yerrorbars lw 1.2 lc rgb '#D55E00' pt -1 notitle, \
     $c9 using 1:2 with linespoints lw 1.8 lc rgb '#D55E00' pt 5 ps 1.2 title 'nodes=100000 fraction=0.0005', \
     $c10 using 1:2:4:5 with yerrorbars lw 1.2 lc rgb '#009E73' pt -1 notitle, \
     $c10 using 1:2 with linespoints lw 1.8 lc rgb '#009E73' pt 9 ps 1.2 title 'nodes=20000 fraction=0.0001', \
     $c11 using 1:2:4:5 with yerrorbars lw 1.2 lc rgb '#CC79A7' pt -1 notitle, \
     $c11 using 1:2 with linespoints lw 1.8 lc rgb '#CC79A7' pt 11 ps 1.2 title 'nodes=20000 fraction=0.0005'
set title 'bitset-grouped' font ',11'
set xrange [0.769231:5.2]
set yrange [*:*]
plot x title 'ideal' with lines lw 1.2 lc rgb '#888888', \
     $c12 using 1:2:4:5 with yerrorbars lw 1.2 lc rgb '#0072B2' pt -1 notitle, \
     $c12 using 1:2 with linespoints lw 1.8 lc rgb '#0072B2' pt 7 ps 1.2 title 'measured', \
     $s12 using 1:2 with linespoints dt (6,4) lw 1 lc rgb '#0072B2' pt 6 ps 0.6 title 'schedule bound'
unset multiplot
set output
}
