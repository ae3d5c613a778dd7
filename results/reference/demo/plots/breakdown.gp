# breakdown.gp - the POP efficiency breakdown per worker count, one panel per curve.
# Written by scal-run; render with: gnuplot breakdown.gp (writes breakdown.png and breakdown.svg).
set encoding utf8
$b0 << EOD
# workers load_balance comm_eff comp_scalability
1 1 0.999916015 1
2 0.9607161 0.999343763 0.999568866
8 0.792479125 0.995164762 1.00019674
EOD
$b1 << EOD
# workers load_balance comm_eff comp_scalability
1 1 0.999883651 1
2 0.960650304 0.997292784 0.999159284
8 0.794152977 0.99054617 1.00183559
EOD
$b2 << EOD
# workers load_balance comm_eff comp_scalability
1 1 0.999965758 1
2 0.817980954 0.614129701 0.968801173
EOD
$b3 << EOD
# workers load_balance comm_eff comp_scalability
1 1 0.999968681 1
2 0.803834599 0.999769696 0.984764478
EOD
$b4 << EOD
# workers load_balance comm_eff comp_scalability
1 1 0.999939315 1
2 0.805382293 0.996568802 0.982541208
EOD
$b5 << EOD
# workers load_balance comm_eff comp_scalability
4 0.839896536 0.998449114 1
EOD
$b6 << EOD
# workers load_balance comm_eff comp_scalability
4 0.839357404 0.998886679 1
EOD
$b7 << EOD
# workers load_balance comm_eff comp_scalability
1 1 0.953563903 1
2 0.980880111 0.955792084 0.943064005
EOD
$b8 << EOD
# workers load_balance comm_eff comp_scalability
2 0.951587035 0.909519455 1
EOD
$b9 << EOD
# workers load_balance comm_eff comp_scalability
2 0.950738649 0.909231137 1
EOD
do for [fmt in 'png svg'] {
if (fmt eq 'svg') {
    set terminal svg size 1260,1240 noenhanced font 'sans,11' background '#ffffff'
} else {
    if (strstrt(GPVAL_TERMINALS, 'pngcairo') > 0) {
        set terminal pngcairo size 1260,1240 noenhanced font 'sans,10'
    } else {
        set terminal png size 1260,1240 noenhanced
    }
}
set output 'breakdown.'.fmt
set multiplot layout 4,3 title 'POP efficiency breakdown per worker count (1: no loss; dotted: 0.8)' font ',12'
set style data histograms
set style histogram clustered gap 1
set boxwidth 0.9
set grid y lc rgb '#dddddd'
set xlabel 'workers'
set ylabel 'factor'
set key top center horizontal samplen 1.5 font ',9'
set arrow 1 from graph 0, first 0.8 to graph 1, first 0.8 nohead dt (2,3) lc rgb '#444444' front
set arrow 2 from graph 0, first 1 to graph 1, first 1 nohead lc rgb '#888888' front
set title 'd1-sleep-threads gil=off' font ',11'
set yrange [0:1.30026]
plot $b0 using 2:xtic(1) title 'load balance' lc rgb '#0072B2' fs solid 0.85 border lc rgb '#000000', \
     '' using 3 title 'comm. efficiency' lc rgb '#D55E00' fs pattern 4 border lc rgb '#000000', \
     '' using 4 title 'comp. scalability' lc rgb '#009E73' fs pattern 2 border lc rgb '#000000'
set title 'd1-sleep-threads gil=on' font ',11'
set yrange [0:1.30239]
plot $b1 using 2:xtic(1) title 'load balance' lc rgb '#0072B2' fs solid 0.85 border lc rgb '#000000', \
     '' using 3 title 'comm. efficiency' lc rgb '#D55E00' fs pattern 4 border lc rgb '#000000', \
     '' using 4 title 'comp. scalability' lc rgb '#009E73' fs pattern 2 border lc rgb '#000000'
set title 'd1c-factor-gil' font ',11'
set yrange [0:1.3]
plot $b2 using 2:xtic(1) title 'load balance' lc rgb '#0072B2' fs solid 0.85 border lc rgb '#000000', \
     '' using 3 title 'comm. efficiency' lc rgb '#D55E00' fs pattern 4 border lc rgb '#000000', \
     '' using 4 title 'comp. scalability' lc rgb '#009E73' fs pattern 2 border lc rgb '#000000'
set title 'd1c-factor-free-threads' font ',11'
set yrange [0:1.3]
plot $b3 using 2:xtic(1) title 'load balance' lc rgb '#0072B2' fs solid 0.85 border lc rgb '#000000', \
     '' using 3 title 'comm. efficiency' lc rgb '#D55E00' fs pattern 4 border lc rgb '#000000', \
     '' using 4 title 'comp. scalability' lc rgb '#009E73' fs pattern 2 border lc rgb '#000000'
set title 'd1c-factor-processes' font ',11'
set yrange [0:1.3]
plot $b4 using 2:xtic(1) title 'load balance' lc rgb '#0072B2' fs solid 0.85 border lc rgb '#000000', \
     '' using 3 title 'comm. efficiency' lc rgb '#D55E00' fs pattern 4 border lc rgb '#000000', \
     '' using 4 title 'comp. scalability' lc rgb '#009E73' fs pattern 2 border lc rgb '#000000'
set title 'd1b-as-completed pool=as-completed' font ',11'
set yrange [0:1.3]
plot $b5 using 2:xtic(1) title 'load balance' lc rgb '#0072B2' fs solid 0.85 border lc rgb '#000000', \
     '' using 3 title 'comm. efficiency' lc rgb '#D55E00' fs pattern 4 border lc rgb '#000000', \
     '' using 4 title 'comp. scalability' lc rgb '#009E73' fs pattern 2 border lc rgb '#000000'
set title 'd1b-as-completed pool=submit' font ',11'
set yrange [0:1.3]
plot $b6 using 2:xtic(1) title 'load balance' lc rgb '#0072B2' fs solid 0.85 border lc rgb '#000000', \
     '' using 3 title 'comm. efficiency' lc rgb '#D55E00' fs pattern 4 border lc rgb '#000000', \
     '' using 4 title 'comp. scalability' lc rgb '#009E73' fs pattern 2 border lc rgb '#000000'
set title 'd2-paths-threads' font ',11'
set yrange [0:1.3]
plot $b7 using 2:xtic(1) title 'load balance' lc rgb '#0072B2' fs solid 0.85 border lc rgb '#000000', \
     '' using 3 title 'comm. efficiency' lc rgb '#D55E00' fs pattern 4 border lc rgb '#000000', \
     '' using 4 title 'comp. scalability' lc rgb '#009E73' fs pattern 2 border lc rgb '#000000'
set title 'd2-paths-shared share=copy' font ',11'
set yrange [0:1.3]
plot $b8 using 2:xtic(1) title 'load balance' lc rgb '#0072B2' fs solid 0.85 border lc rgb '#000000', \
     '' using 3 title 'comm. efficiency' lc rgb '#D55E00' fs pattern 4 border lc rgb '#000000', \
     '' using 4 title 'comp. scalability' lc rgb '#009E73' fs pattern 2 border lc rgb '#000000'
set title 'd2-paths-shared share=window' font ',11'
set yrange [0:1.3]
plot $b9 using 2:xtic(1) title 'load balance' lc rgb '#0072B2' fs solid 0.85 border lc rgb '#000000', \
     '' using 3 title 'comm. efficiency' lc rgb '#D55E00' fs pattern 4 border lc rgb '#000000', \
     '' using 4 title 'comp. scalability' lc rgb '#009E73' fs pattern 2 border lc rgb '#000000'
unset multiplot
set output
}
