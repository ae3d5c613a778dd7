# speedup.gp - speedup with 95% CIs, ideal, schedule bound and Amdahl fit, one panel per series.
# Written by scal-run; render with: gnuplot speedup.gp (writes speedup.png and speedup.svg).
set encoding utf8
$c0 << EOD
# workers speedup efficiency speedup_ci_lo speedup_ci_hi eff_ci_lo eff_ci_hi
1 1 1 0.998599725 1.00140052 0.998599725 1.00140052
2 1.959909 0.979954501 1.95452881 1.96345613 0.977264403 0.981728063
4 3.91932608 0.979831519 3.91487568 3.92389735 0.97871892 0.980974339
8 7.39044143 0.923805179 7.38079185 7.39965368 0.922598981 0.92495671
16 13.2006422 0.82504014 13.1828923 13.2190381 0.82393077 0.826189881
EOD
$c1 << EOD
# workers speedup efficiency speedup_ci_lo speedup_ci_hi eff_ci_lo eff_ci_hi
1 1 1 0.998736055 1.00110063 0.998736055 1.00110063
2 1.9274288 0.963714399 1.91943802 1.92955012 0.959719012 0.964775061
4 3.64212539 0.910531346 3.63859062 3.64630765 0.909647656 0.911576912
8 6.74251416 0.84281427 6.69523379 6.75108449 0.836904223 0.843885561
16 11.7837804 0.736486276 11.6951537 11.8541365 0.730947108 0.740883532
EOD
$c2 << EOD
# workers speedup efficiency speedup_ci_lo speedup_ci_hi eff_ci_lo eff_ci_hi
1 1 1 0.997401846 1.00288774 0.997401846 1.00288774
2 1.96325736 0.981628682 1.95957822 1.96778288 0.979789108 0.983891439
4 3.91906993 0.979767483 3.91199913 3.92797222 0.977999782 0.981993056
EOD
$c3 << EOD
# workers speedup efficiency speedup_ci_lo speedup_ci_hi eff_ci_lo eff_ci_hi
1 1 1 0.998458202 1.00138635 0.998458202 1.00138635
2 1.8729029 0.93645145 1.86435998 1.87717881 0.932179989 0.938589403
4 3.39097874 0.847744685 3.37376697 3.39713832 0.843441742 0.84928458
EOD
$c4 << EOD
# workers speedup efficiency speedup_ci_lo speedup_ci_hi eff_ci_lo eff_ci_hi
1 1 1 0.890999166 1.12015162 0.890999166 1.12015162
2 1.87888186 0.939440931 1.52856918 2.09540212 0.764284589 1.04770106
4 1.92223743 0.480559357 1.37441561 2.16407756 0.343603902 0.541019389
EOD
$c5 << EOD
# workers speedup efficiency speedup_ci_lo speedup_ci_hi eff_ci_lo eff_ci_hi
1 1 1 0.944131151 1.05917713 0.944131151 1.05917713
2 1.8435991 0.921799551 1.38469675 1.96617607 0.692348376 0.983088037
4 1.80628182 0.451570454 1.43572576 1.97521771 0.358931441 0.493804429
EOD
$c6 << EOD
# workers speedup efficiency speedup_ci_lo speedup_ci_hi eff_ci_lo eff_ci_hi
1 1 1 0.926602912 1.06841567 0.926602912 1.06841567
2 1.76129584 0.880647922 1.02271388 1.9670291 0.511356941 0.983514551
4 1.80328642 0.450821605 1.42608791 2.04719685 0.356521977 0.511799212
EOD
$c7 << EOD
# workers speedup efficiency speedup_ci_lo speedup_ci_hi eff_ci_lo eff_ci_hi
1 1 1 0.891285368 1.12085949 0.891285368 1.12085949
2 1.71413718 0.857068592 1.42882906 1.99430991 0.714414531 0.997154953
4 1.73640293 0.434100733 1.37896405 1.95353318 0.344741013 0.488383296
EOD
$s0 << EOD
1 1
2 1.96930436
4 3.72904456
8 6.86908007
16 13.2117043
32 13.2117043
64 13.2117043
EOD
$s1 << EOD
1 1
2 1.92433808
4 3.64491549
8 6.74986796
16 11.8789729
32 20.8074132
64 20.8074132
EOD
$s2 << EOD
1 1
2 1.97282483
4 3.91758149
8 3.91758149
16 3.91758149
EOD
$s3 << EOD
1 1
2 1.92648802
4 3.64135185
8 6.74247737
16 11.8703344
EOD
$s4 << EOD
1 1
2 1.92568486
4 3.55651742
8 3.55651742
16 3.55651742
EOD
$s5 << EOD
1 1
2 1.86511085
4 3.33789045
8 5.59264759
16 11.0613394
EOD
$s6 << EOD
1 1
2 1.86649045
4 3.58550635
8 3.58550635
16 3.58550635
EOD
$s7 << EOD
1 1
2 1.87403399
4 3.35856468
8 5.67413976
16 11.1729144
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
set title 'sleep-threads' font ',11'
set xrange [0.769231:83.2]
set yrange [*:*]
plot x title 'ideal' with lines lw 1.2 lc rgb '#888888', \
     $c0 using 1:2:4:5 with yerrorbars lw 1.2 lc rgb '#0072B2' pt -1 notitle, \
     $c0 using 1:2 with linespoints lw 1.8 lc rgb '#0072B2' pt 7 ps 1.2 title 'pool=map', \
     $c1 using 1:2:4:5 with yerrorbars lw 1.2 lc rgb '#D55E00' pt -1 notitle, \
     $c1 using 1:2 with linespoints lw 1.8 lc rgb '#D55E00' pt 5 ps 1.2 title 'pool=submit', \
     $s0 using 1:2 with linespoints dt (6,4) lw 1 lc rgb '#0072B2' pt 6 ps 0.6 title 'schedule bound', \
     1/(0.0123807996 + (1-0.0123807996)/x) with lines dt (2,3) lw 1.2 lc rgb '#0072B2' title 'Amdahl fit', \
     $s1 using 1:2 with linespoints dt (6,4) lw 1 lc rgb '#D55E00' pt 4 ps 0.6 notitle, \
     1/(0.0281640626 + (1-0.0281640626)/x) with lines dt (2,3) lw 1.2 lc rgb '#D55E00' notitle
set title 'sleep-processes' font ',11'
set xrange [0.769231:20.8]
set yrange [*:*]
plot x title 'ideal' with lines lw 1.2 lc rgb '#888888', \
     $c2 using 1:2:4:5 with yerrorbars lw 1.2 lc rgb '#0072B2' pt -1 notitle, \
     $c2 using 1:2 with linespoints lw 1.8 lc rgb '#0072B2' pt 7 ps 1.2 title 'pool=map', \
     $c3 using 1:2:4:5 with yerrorbars lw 1.2 lc rgb '#D55E00' pt -1 notitle, \
     $c3 using 1:2 with linespoints lw 1.8 lc rgb '#D55E00' pt 5 ps 1.2 title 'pool=submit', \
     $s2 using 1:2 with linespoints dt (6,4) lw 1 lc rgb '#0072B2' pt 6 ps 0.6 title 'schedule bound', \
     $s3 using 1:2 with linespoints dt (6,4) lw 1 lc rgb '#D55E00' pt 4 ps 0.6 notitle
set title 'factor-threads' font ',11'
set xrange [0.769231:20.8]
set yrange [*:*]
plot x title 'ideal' with lines lw 1.2 lc rgb '#888888', \
     $c4 using 1:2:4:5 with yerrorbars lw 1.2 lc rgb '#0072B2' pt -1 notitle, \
     $c4 using 1:2 with linespoints lw 1.8 lc rgb '#0072B2' pt 7 ps 1.2 title 'pool=map', \
     $c5 using 1:2:4:5 with yerrorbars lw 1.2 lc rgb '#D55E00' pt -1 notitle, \
     $c5 using 1:2 with linespoints lw 1.8 lc rgb '#D55E00' pt 5 ps 1.2 title 'pool=submit', \
     $s4 using 1:2 with linespoints dt (6,4) lw 1 lc rgb '#0072B2' pt 6 ps 0.6 title 'schedule bound', \
     $s5 using 1:2 with linespoints dt (6,4) lw 1 lc rgb '#D55E00' pt 4 ps 0.6 notitle
set title 'factor-processes' font ',11'
set xrange [0.769231:20.8]
set yrange [*:*]
plot x title 'ideal' with lines lw 1.2 lc rgb '#888888', \
     $c6 using 1:2:4:5 with yerrorbars lw 1.2 lc rgb '#0072B2' pt -1 notitle, \
     $c6 using 1:2 with linespoints lw 1.8 lc rgb '#0072B2' pt 7 ps 1.2 title 'pool=map', \
     $c7 using 1:2:4:5 with yerrorbars lw 1.2 lc rgb '#D55E00' pt -1 notitle, \
     $c7 using 1:2 with linespoints lw 1.8 lc rgb '#D55E00' pt 5 ps 1.2 title 'pool=submit', \
     $s6 using 1:2 with linespoints dt (6,4) lw 1 lc rgb '#0072B2' pt 6 ps 0.6 title 'schedule bound', \
     $s7 using 1:2 with linespoints dt (6,4) lw 1 lc rgb '#D55E00' pt 4 ps 0.6 notitle
unset multiplot
set output
}
