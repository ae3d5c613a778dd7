# efficiency.gp - parallel efficiency S/p with 95% CIs, one panel per series.
# Written by scal-run; render with: gnuplot efficiency.gp (writes efficiency.png and efficiency.svg).
set encoding utf8
$c0 << EOD
# workers speedup efficiency speedup_ci_lo speedup_ci_hi eff_ci_lo eff_ci_hi
1 1 1 0.929506504 1.07847005 0.929506504 1.07847005
2 0.424201725 0.212100862 0.401577181 0.44981475 0.20078859 0.224907375
EOD
$c1 << EOD
# workers speedup efficiency speedup_ci_lo speedup_ci_hi eff_ci_lo eff_ci_hi
1 1 1 0.944404746 1.0621994 0.944404746 1.0621994
2 1.97682658 0.988413288 1.89361919 2.08517272 0.946809596 1.04258636
EOD
$c2 << EOD
# workers speedup efficiency speedup_ci_lo speedup_ci_hi eff_ci_lo eff_ci_hi
1 1 1 0.963792795 1.0356345 0.963792795 1.0356345
2 0.419084033 0.209542017 0.398659094 0.431307324 0.199329547 0.215653662
EOD
$c3 << EOD
# workers speedup efficiency speedup_ci_lo speedup_ci_hi eff_ci_lo eff_ci_hi
1 1 1 0.973062937 1.02867359 0.973062937 1.02867359
2 1.74869902 0.874349512 1.70761837 1.80057416 0.853809187 0.900287082
EOD
$c4 << EOD
# workers speedup efficiency speedup_ci_lo speedup_ci_hi eff_ci_lo eff_ci_hi
1 1 1 0.978345023 1.02213429 0.978345023 1.02213429
2 1.98079382 0.990396909 1.91502803 2.01547186 0.957514014 1.00773593
EOD
$c5 << EOD
# workers speedup efficiency speedup_ci_lo speedup_ci_hi eff_ci_lo eff_ci_hi
1 1 1 0.978420362 1.02205559 0.978420362 1.02205559
2 1.73109144 0.865545722 1.61491859 1.76744216 0.807459294 0.883721078
EOD
$c6 << EOD
# workers speedup efficiency speedup_ci_lo speedup_ci_hi eff_ci_lo eff_ci_hi
1 1 1 0.986479856 1.01609886 0.986479856 1.01609886
2 1.95975877 0.979879385 1.93357891 2.00830681 0.966789453 1.00415341
EOD
$c7 << EOD
# workers speedup efficiency speedup_ci_lo speedup_ci_hi eff_ci_lo eff_ci_hi
1 1 1 0.97720657 1.02590396 0.97720657 1.02590396
2 1.94616291 0.973081453 1.79607167 2.0040577 0.898035834 1.00202885
EOD
$c8 << EOD
# workers speedup efficiency speedup_ci_lo speedup_ci_hi eff_ci_lo eff_ci_hi
1 1 1 0.975904526 1.0246904 0.975904526 1.0246904
2 1.94702472 0.973512358 1.91976627 2.00907788 0.959883135 1.00453894
EOD
$c9 << EOD
# workers speedup efficiency speedup_ci_lo speedup_ci_hi eff_ci_lo eff_ci_hi
1 1 1 0.981883643 1.01845061 0.981883643 1.01845061
2 1.97036443 0.985182215 1.95309815 2.00554084 0.976549077 1.00277042
EOD
$c10 << EOD
# workers speedup efficiency speedup_ci_lo speedup_ci_hi eff_ci_lo eff_ci_hi
1 1 1 0.982458401 1.0178548 0.982458401 1.0178548
2 1.95108014 0.975540068 1.91883677 1.99946117 0.959418383 0.999730584
EOD
$c11 << EOD
# workers speedup efficiency speedup_ci_lo speedup_ci_hi eff_ci_lo eff_ci_hi
1 1 1 0.987328054 1.01283459 0.987328054 1.01283459
2 1.9650338 0.982516902 1.95086332 2.00092871 0.975431658 1.00046436
EOD
$c12 << EOD
# workers speedup efficiency speedup_ci_lo speedup_ci_hi eff_ci_lo eff_ci_hi
1 1 1 0.911445378 1.10112744 0.911445378 1.10112744
2 0.831918195 0.415959097 0.789473673 0.918812154 0.394736836 0.459406077
EOD
$c13 << EOD
# workers speedup efficiency speedup_ci_lo speedup_ci_hi eff_ci_lo eff_ci_hi
1 1 1 0.849773084 1.17519579 0.849773084 1.17519579
2 1.03996372 0.519981862 0.940966703 1.25728085 0.470483351 0.628640424
EOD
$c14 << EOD
# workers speedup efficiency speedup_ci_lo speedup_ci_hi eff_ci_lo eff_ci_hi
1 1 1 0.93595599 1.06967922 0.93595599 1.06967922
2 0.855831751 0.427915875 0.808612003 0.919340845 0.404306001 0.459670422
EOD
$c15 << EOD
# workers speedup efficiency speedup_ci_lo speedup_ci_hi eff_ci_lo eff_ci_hi
1 1 1 0.983098186 1.0171924 0.983098186 1.0171924
2 1.16574781 0.582873905 1.11460087 1.19035443 0.557300436 0.595177213
EOD
$c16 << EOD
# workers speedup efficiency speedup_ci_lo speedup_ci_hi eff_ci_lo eff_ci_hi
1 1 1 0.908211444 1.10375235 0.908211444 1.10375235
2 1.45360414 0.72680207 1.39919604 1.75528466 0.699598022 0.877642331
EOD
$c17 << EOD
# workers speedup efficiency speedup_ci_lo speedup_ci_hi eff_ci_lo eff_ci_hi
1 1 1 0.974093803 1.02659518 0.974093803 1.02659518
2 1.14365126 0.571825632 1.12022033 1.17062767 0.560110167 0.585313833
EOD
$c18 << EOD
# workers speedup efficiency speedup_ci_lo speedup_ci_hi eff_ci_lo eff_ci_hi
1 1 1 0.9793193 1.02433737 0.9793193 1.02433737
2 1.8801822 0.940091101 1.76131117 1.95680967 0.880655585 0.978404833
EOD
$c19 << EOD
# workers speedup efficiency speedup_ci_lo speedup_ci_hi eff_ci_lo eff_ci_hi
1 1 1 0.967790978 1.03328097 0.967790978 1.03328097
2 1.90481046 0.952405232 1.84292567 1.9457535 0.921462836 0.972876749
EOD
$c20 << EOD
# workers speedup efficiency speedup_ci_lo speedup_ci_hi eff_ci_lo eff_ci_hi
1 1 1 0.970368621 1.03183454 0.970368621 1.03183454
2 1.92759043 0.963795213 1.84791831 1.97325879 0.923959156 0.986629394
EOD
$c21 << EOD
# workers speedup efficiency speedup_ci_lo speedup_ci_hi eff_ci_lo eff_ci_hi
1 1 1 0.986041078 1.01415653 0.986041078 1.01415653
2 1.97470539 0.987352694 1.94382954 2.00397733 0.971914769 1.00198866
EOD
$c22 << EOD
# workers speedup efficiency speedup_ci_lo speedup_ci_hi eff_ci_lo eff_ci_hi
1 1 1 0.992680557 1.00737605 0.992680557 1.00737605
2 1.9745389 0.987269448 1.96088853 1.99345012 0.980444267 0.996725061
EOD
$c23 << EOD
# workers speedup efficiency speedup_ci_lo speedup_ci_hi eff_ci_lo eff_ci_hi
1 1 1 0.99392961 1.00610746 0.99392961 1.00610746
2 1.9726296 0.986314801 1.8732169 1.99089221 0.936608452 0.995446103
EOD
$s9 << EOD
1 1
2 1.99988001
4 3.99889399
8 7.99239521
EOD
$s10 << EOD
1 1
2 1.99509332
4 1.99509332
8 1.99509332
EOD
$s11 << EOD
1 1
2 1.99979172
4 3.99862729
8 7.99082866
EOD
$s18 << EOD
1 1
2 1.99991154
4 3.99874751
8 7.96276061
EOD
$s19 << EOD
1 1
2 1.94391173
4 1.94391173
8 1.94391173
EOD
$s20 << EOD
1 1
2 1.99995401
4 3.99978503
8 7.99852928
EOD
$s21 << EOD
1 1
2 1.99984589
4 3.9985115
8 7.99386487
EOD
$s22 << EOD
1 1
2 1.99481988
4 1.99481988
8 1.99481988
EOD
$s23 << EOD
1 1
2 1.99988372
4 3.9987549
8 7.99410821
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
set title 'omp-us0' font ',11'
set xrange [0.769231:2.6]
set yrange [0:1.34809]
plot 1 title 'ideal' with lines lw 1.2 lc rgb '#888888', \
     $c0 using 1:3:6:7 with yerrorbars lw 1.2 lc rgb '#0072B2' pt -1 notitle, \
     $c0 using 1:3 with linespoints lw 1.8 lc rgb '#0072B2' pt 7 ps 1.2 title 'pool=as-completed', \
     $c1 using 1:3:6:7 with yerrorbars lw 1.2 lc rgb '#D55E00' pt -1 notitle, \
     $c1 using 1:3 with linespoints lw 1.8 lc rgb '#D55E00' pt 5 ps 1.2 title 'pool=map', \
     $c2 using 1:3:6:7 with yerrorbars lw 1.2 lc rgb '#009E73' pt -1 notitle, \
     $c2 using 1:3 with linespoints lw 1.8 lc rgb '#009E73' pt 9 ps 1.2 title 'pool=submit'
set title 'omp-us1' font ',11'
set xrange [0.769231:2.6]
set yrange [0:1.28584]
plot 1 title 'ideal' with lines lw 1.2 lc rgb '#888888', \
     $c3 using 1:3:6:7 with yerrorbars lw 1.2 lc rgb '#0072B2' pt -1 notitle, \
     $c3 using 1:3 with linespoints lw 1.8 lc rgb '#0072B2' pt 7 ps 1.2 title 'pool=as-completed', \
     $c4 using 1:3:6:7 with yerrorbars lw 1.2 lc rgb '#D55E00' pt -1 notitle, \
     $c4 using 1:3 with linespoints lw 1.8 lc rgb '#D55E00' pt 5 ps 1.2 title 'pool=map', \
     $c5 using 1:3:6:7 with yerrorbars lw 1.2 lc rgb '#009E73' pt -1 notitle, \
     $c5 using 1:3 with linespoints lw 1.8 lc rgb '#009E73' pt 9 ps 1.2 title 'pool=submit'
set title 'omp-us10' font ',11'
set xrange [0.769231:2.6]
set yrange [0:1.28238]
plot 1 title 'ideal' with lines lw 1.2 lc rgb '#888888', \
     $c6 using 1:3:6:7 with yerrorbars lw 1.2 lc rgb '#0072B2' pt -1 notitle, \
     $c6 using 1:3 with linespoints lw 1.8 lc rgb '#0072B2' pt 7 ps 1.2 title 'pool=as-completed', \
     $c7 using 1:3:6:7 with yerrorbars lw 1.2 lc rgb '#D55E00' pt -1 notitle, \
     $c7 using 1:3 with linespoints lw 1.8 lc rgb '#D55E00' pt 5 ps 1.2 title 'pool=map', \
     $c8 using 1:3:6:7 with yerrorbars lw 1.2 lc rgb '#009E73' pt -1 notitle, \
     $c8 using 1:3 with linespoints lw 1.8 lc rgb '#009E73' pt 9 ps 1.2 title 'pool=submit'
set title 'omp-us100' font ',11'
set xrange [0.769231:10.4]
set yrange [0:1.27306]
plot 1 title 'ideal' with lines lw 1.2 lc rgb '#888888', \
     $c9 using 1:3:6:7 with yerrorbars lw 1.2 lc rgb '#0072B2' pt -1 notitle, \
     $c9 using 1:3 with linespoints lw 1.8 lc rgb '#0072B2' pt 7 ps 1.2 title 'pool=as-completed', \
     $c10 using 1:3:6:7 with yerrorbars lw 1.2 lc rgb '#D55E00' pt -1 notitle, \
     $c10 using 1:3 with linespoints lw 1.8 lc rgb '#D55E00' pt 5 ps 1.2 title 'pool=map', \
     $c11 using 1:3:6:7 with yerrorbars lw 1.2 lc rgb '#009E73' pt -1 notitle, \
     $c11 using 1:3 with linespoints lw 1.8 lc rgb '#009E73' pt 9 ps 1.2 title 'pool=submit', \
     $s9 using 1:($2/$1) with linespoints dt (6,4) lw 1 lc rgb '#0072B2' pt 6 ps 0.6 title 'schedule bound', \
     $s10 using 1:($2/$1) with linespoints dt (6,4) lw 1 lc rgb '#D55E00' pt 4 ps 0.6 notitle, \
     $s11 using 1:($2/$1) with linespoints dt (6,4) lw 1 lc rgb '#009E73' pt 8 ps 0.6 notitle
set title 'mpi-us0' font ',11'
set xrange [0.769231:2.6]
set yrange [0:1.46899]
plot 1 title 'ideal' with lines lw 1.2 lc rgb '#888888', \
     $c12 using 1:3:6:7 with yerrorbars lw 1.2 lc rgb '#0072B2' pt -1 notitle, \
     $c12 using 1:3 with linespoints lw 1.8 lc rgb '#0072B2' pt 7 ps 1.2 title 'pool=as-completed', \
     $c13 using 1:3:6:7 with yerrorbars lw 1.2 lc rgb '#D55E00' pt -1 notitle, \
     $c13 using 1:3 with linespoints lw 1.8 lc rgb '#D55E00' pt 5 ps 1.2 title 'pool=map', \
     $c14 using 1:3:6:7 with yerrorbars lw 1.2 lc rgb '#009E73' pt -1 notitle, \
     $c14 using 1:3 with linespoints lw 1.8 lc rgb '#009E73' pt 9 ps 1.2 title 'pool=submit'
set title 'mpi-us1' font ',11'
set xrange [0.769231:2.6]
set yrange [0:1.37969]
plot 1 title 'ideal' with lines lw 1.2 lc rgb '#888888', \
     $c15 using 1:3:6:7 with yerrorbars lw 1.2 lc rgb '#0072B2' pt -1 notitle, \
     $c15 using 1:3 with linespoints lw 1.8 lc rgb '#0072B2' pt 7 ps 1.2 title 'pool=as-completed', \
     $c16 using 1:3:6:7 with yerrorbars lw 1.2 lc rgb '#D55E00' pt -1 notitle, \
     $c16 using 1:3 with linespoints lw 1.8 lc rgb '#D55E00' pt 5 ps 1.2 title 'pool=map', \
     $c17 using 1:3:6:7 with yerrorbars lw 1.2 lc rgb '#009E73' pt -1 notitle, \
     $c17 using 1:3 with linespoints lw 1.8 lc rgb '#009E73' pt 9 ps 1.2 title 'pool=submit'
set title 'mpi-us10' font ',11'
set xrange [0.769231:10.4]
set yrange [0:1.2916]
plot 1 title 'ideal' with lines lw 1.2 lc rgb '#888888', \
     $c18 using 1:3:6:7 with yerrorbars lw 1.2 lc rgb '#0072B2' pt -1 notitle, \
     $c18 using 1:3 with linespoints lw 1.8 lc rgb '#0072B2' pt 7 ps 1.2 title 'pool=as-completed', \
     $c19 using 1:3:6:7 with yerrorbars lw 1.2 lc rgb '#D55E00' pt -1 notitle, \
     $c19 using 1:3 with linespoints lw 1.8 lc rgb '#D55E00' pt 5 ps 1.2 title 'pool=map', \
     $c20 using 1:3:6:7 with yerrorbars lw 1.2 lc rgb '#009E73' pt -1 notitle, \
     $c20 using 1:3 with linespoints lw 1.8 lc rgb '#009E73' pt 9 ps 1.2 title 'pool=submit', \
     $s18 using 1:($2/$1) with linespoints dt (6,4) lw 1 lc rgb '#0072B2' pt 6 ps 0.6 title 'schedule bound', \
     $s19 using 1:($2/$1) with linespoints dt (6,4) lw 1 lc rgb '#D55E00' pt 4 ps 0.6 notitle, \
     $s20 using 1:($2/$1) with linespoints dt (6,4) lw 1 lc rgb '#009E73' pt 8 ps 0.6 notitle
set title 'mpi-us100' font ',11'
set xrange [0.769231:10.4]
set yrange [0:1.2677]
plot 1 title 'ideal' with lines lw 1.2 lc rgb '#888888', \
     $c21 using 1:3:6:7 with yerrorbars lw 1.2 lc rgb '#0072B2' pt -1 notitle, \
     $c21 using 1:3 with linespoints lw 1.8 lc rgb '#0072B2' pt 7 ps 1.2 title 'pool=as-completed', \
     $c22 using 1:3:6:7 with yerrorbars lw 1.2 lc rgb '#D55E00' pt -1 notitle, \
     $c22 using 1:3 with linespoints lw 1.8 lc rgb '#D55E00' pt 5 ps 1.2 title 'pool=map', \
     $c23 using 1:3:6:7 with yerrorbars lw 1.2 lc rgb '#009E73' pt -1 notitle, \
     $c23 using 1:3 with linespoints lw 1.8 lc rgb '#009E73' pt 9 ps 1.2 title 'pool=submit', \
     $s21 using 1:($2/$1) with linespoints dt (6,4) lw 1 lc rgb '#0072B2' pt 6 ps 0.6 title 'schedule bound', \
     $s22 using 1:($2/$1) with linespoints dt (6,4) lw 1 lc rgb '#D55E00' pt 4 ps 0.6 notitle, \
     $s23 using 1:($2/$1) with linespoints dt (6,4) lw 1 lc rgb '#009E73' pt 8 ps 0.6 notitle
unset multiplot
set output
}
