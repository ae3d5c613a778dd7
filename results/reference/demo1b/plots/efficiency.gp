# efficiency.gp - parallel efficiency S/p with 95% CIs, one panel per series.
# Written by scal-run; render with: gnuplot efficiency.gp (writes efficiency.png and efficiency.svg).
set encoding utf8
$c0 << EOD
# workers speedup efficiency speedup_ci_lo speedup_ci_hi eff_ci_lo eff_ci_hi
1 1 1 0.999188239 1.00097166 0.999188239 1.00097166
4 3.68828214 0.922070536 3.6814228 3.6915228 0.9203557 0.9228807
8 6.10799373 0.763499217 6.10348888 6.11285279 0.762936111 0.764106598
EOD
$c1 << EOD
# workers speedup efficiency speedup_ci_lo speedup_ci_hi eff_ci_lo eff_ci_hi
1 1 1 0.999194608 1.00072627 0.999194608 1.00072627
4 3.68980868 0.92245217 3.68222998 3.69337188 0.920557496 0.92334297
8 6.10462981 0.763078727 6.10236344 6.10951664 0.76279543 0.76368958
EOD
$c2 << EOD
# workers speedup efficiency speedup_ci_lo speedup_ci_hi eff_ci_lo eff_ci_hi
1 1 1 0.974005976 1.02652095 0.974005976 1.02652095
2 1.8636819 0.931840949 1.80829621 1.88780921 0.904148105 0.943904603
EOD
$c3 << EOD
# workers speedup efficiency speedup_ci_lo speedup_ci_hi eff_ci_lo eff_ci_hi
1 1 1 0.965732186 1.03454795 0.965732186 1.03454795
2 1.77168584 0.88584292 1.52487219 1.86083429 0.762436093 0.930417143
EOD
$c4 << EOD
# workers speedup efficiency speedup_ci_lo speedup_ci_hi eff_ci_lo eff_ci_hi
1 1 1 0.978477919 1.02431248 0.978477919 1.02431248
2 1.8635445 0.931772249 1.82887634 1.90508987 0.914438169 0.952544934
EOD
$c5 << EOD
# workers speedup efficiency speedup_ci_lo speedup_ci_hi eff_ci_lo eff_ci_hi
1 1 1 0.965450377 1.03542313 0.965450377 1.03542313
2 1.80915429 0.904577146 1.72494992 1.88232857 0.862474958 0.941164286
EOD
$s0 << EOD
1 1
2 1.89839287
4 3.69148719
8 6.10640735
16 9.49865611
32 12.8707676
EOD
$s1 << EOD
1 1
2 1.89814534
4 3.69137898
8 6.10714594
16 9.499686
32 12.8691614
EOD
$s2 << EOD
1 1
2 1.8735181
4 3.36371084
8 5.64674294
EOD
$s3 << EOD
1 1
2 1.87748394
4 3.35940714
8 5.63774271
EOD
$s4 << EOD
1 1
2 1.87589042
4 3.358073
8 5.65271321
EOD
$s5 << EOD
1 1
2 1.87001896
4 3.36243914
8 5.6681763
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
set output 'efficiency.'.fmt
set multiplot layout 1,3 title 'Efficiency S(p)/p, median with 95% CI, per series' font ',13'
set grid lc rgb '#dddddd'
set xlabel 'workers'
set ylabel 'efficiency'
set samples 200
set errorbars 0.6
set logscale x 2
unset logscale y
set key bottom left Left reverse samplen 2.5 spacing 1.1 font ',9' box opaque
set title 'sleep-threads' font ',11'
set xrange [0.769231:41.6]
set yrange [0:1.25121]
plot 1 title 'ideal' with lines lw 1.2 lc rgb '#888888', \
     $c0 using 1:3:6:7 with yerrorbars lw 1.2 lc rgb '#0072B2' pt -1 notitle, \
     $c0 using 1:3 with linespoints lw 1.8 lc rgb '#0072B2' pt 7 ps 1.2 title 'pool=as-completed', \
     $c1 using 1:3:6:7 with yerrorbars lw 1.2 lc rgb '#D55E00' pt -1 notitle, \
     $c1 using 1:3 with linespoints lw 1.8 lc rgb '#D55E00' pt 5 ps 1.2 title 'pool=submit', \
     $s0 using 1:($2/$1) with linespoints dt (6,4) lw 1 lc rgb '#0072B2' pt 6 ps 0.6 title 'schedule bound', \
     $s1 using 1:($2/$1) with linespoints dt (6,4) lw 1 lc rgb '#D55E00' pt 4 ps 0.6 notitle
set title 'factor-threads' font ',11'
set xrange [0.769231:10.4]
set yrange [0:1.29318]
plot 1 title 'ideal' with lines lw 1.2 lc rgb '#888888', \
     $c2 using 1:3:6:7 with yerrorbars lw 1.2 lc rgb '#0072B2' pt -1 notitle, \
     $c2 using 1:3 with linespoints lw 1.8 lc rgb '#0072B2' pt 7 ps 1.2 title 'pool=as-completed', \
     $c3 using 1:3:6:7 with yerrorbars lw 1.2 lc rgb '#D55E00' pt -1 notitle, \
     $c3 using 1:3 with linespoints lw 1.8 lc rgb '#D55E00' pt 5 ps 1.2 title 'pool=submit', \
     $s2 using 1:($2/$1) with linespoints dt (6,4) lw 1 lc rgb '#0072B2' pt 6 ps 0.6 title 'schedule bound', \
     $s3 using 1:($2/$1) with linespoints dt (6,4) lw 1 lc rgb '#D55E00' pt 4 ps 0.6 notitle
set title 'factor-processes' font ',11'
set xrange [0.769231:10.4]
set yrange [0:1.29428]
plot 1 title 'ideal' with lines lw 1.2 lc rgb '#888888', \
     $c4 using 1:3:6:7 with yerrorbars lw 1.2 lc rgb '#0072B2' pt -1 notitle, \
     $c4 using 1:3 with linespoints lw 1.8 lc rgb '#0072B2' pt 7 ps 1.2 title 'pool=as-completed', \
     $c5 using 1:3:6:7 with yerrorbars lw 1.2 lc rgb '#D55E00' pt -1 notitle, \
     $c5 using 1:3 with linespoints lw 1.8 lc rgb '#D55E00' pt 5 ps 1.2 title 'pool=submit', \
     $s4 using 1:($2/$1) with linespoints dt (6,4) lw 1 lc rgb '#0072B2' pt 6 ps 0.6 title 'schedule bound', \
     $s5 using 1:($2/$1) with linespoints dt (6,4) lw 1 lc rgb '#D55E00' pt 4 ps 0.6 notitle
unset multiplot
set output
}
