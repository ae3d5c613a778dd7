# breakdown.gp - the POP efficiency breakdown per worker count, one panel per curve.
# Written by scal-run; render with: gnuplot breakdown.gp (writes breakdown.png and breakdown.svg).
set encoding utf8
$b0 << EOD
# workers load_balance comm_eff comp_scalability
1 1 0.999943828 1
4 0.922623241 0.999041879 1.00030321
8 0.76363641 0.999315773 1.00044871
EOD
$b1 << EOD
# workers load_balance comm_eff comp_scalability
1 1 0.999973979 1
4 0.922981023 0.999443544 0.999957442
8 0.763342611 0.999316641 1.00031186
EOD
$b2 << EOD
# workers load_balance comm_eff comp_scalability
1 1 0.999945823 1
2 0.940939779 0.999862484 0.990412605
EOD
$b3 << EOD
# workers load_balance comm_eff comp_scalability
1 1 0.999975016 1
2 0.937970664 0.999855812 0.944537568
EOD
$b4 << EOD
# workers load_balance comm_eff comp_scalability
1 1 0.999959205 1
2 0.936180705 0.998450957 0.996794493
EOD
$b5 << EOD
# workers load_balance comm_eff comp_scalability
1 1 0.999934147 1
2 0.934206162 0.99840869 0.969763717
EOD
do for [fmt in 'png svg'] {
if (fmt eq 'svg') {
    set terminal svg size 1260,640 noenhanced font 'sans,11' background '#ffffff'
} else {
    if (strstrt(GPVAL_TERMINALS, 'pngcairo') > 0) {
        set terminal pngcairo size 1260,640 noenhanced font 'sans,10'
    } else {
        set terminal png size 1260,640 noenhanced
    }
}
set output 'breakdown.'.fmt
set multiplot layout 2,3 title 'POP efficiency breakdown per worker count (1: no loss; dotted: 0.8)' font ',12'
set style data histograms
set style histogram clustered gap 1
set boxwidth 0.9
set grid y lc rgb '#dddddd'
set xlabel 'workers'
set ylabel 'factor'
set key top center horizontal samplen 1.5 font ',9'
set arrow 1 from graph 0, first 0.8 to graph 1, first 0.8 nohead dt (2,3) lc rgb '#444444' front
set arrow 2 from graph 0, first 1 to graph 1, first 1 nohead lc rgb '#888888' front
set title 'sleep-threads pool=as-completed' font ',11'
set yrange [0:1.30058]
plot $b0 using 2:xtic(1) title 'load balance' lc rgb '#0072B2' fs solid 0.85 border lc rgb '#000000', \
     '' using 3 title 'comm. efficiency' lc rgb '#D55E00' fs pattern 4 border lc rgb '#000000', \
     '' using 4 title 'comp. scalability' lc rgb '#009E73' fs pattern 2 border lc rgb '#000000'
set title 'sleep-threads pool=submit' font ',11'
set yrange [0:1.30041]
plot $b1 using 2:xtic(1) title 'load balance' lc rgb '#0072B2' fs solid 0.85 border lc rgb '#000000', \
     '' using 3 title 'comm. efficiency' lc rgb '#D55E00' fs pattern 4 border lc rgb '#000000', \
     '' using 4 title 'comp. scalability' lc rgb '#009E73' fs pattern 2 border lc rgb '#000000'
set title 'factor-threads pool=as-completed' font ',11'
set yrange [0:1.3]
plot $b2 using 2:xtic(1) title 'load balance' lc rgb '#0072B2' fs solid 0.85 border lc rgb '#000000', \
     '' using 3 title 'comm. efficiency' lc rgb '#D55E00' fs pattern 4 border lc rgb '#000000', \
     '' using 4 title 'comp. scalability' lc rgb '#009E73' fs pattern 2 border lc rgb '#000000'
set title 'factor-threads pool=submit' font ',11'
set yrange [0:1.3]
plot $b3 using 2:xtic(1) title 'load balance' lc rgb '#0072B2' fs solid 0.85 border lc rgb '#000000', \
     '' using 3 title 'comm. efficiency' lc rgb '#D55E00' fs pattern 4 border lc rgb '#000000', \
     '' using 4 title 'comp. scalability' lc rgb '#009E73' fs pattern 2 border lc rgb '#000000'
set title 'factor-processes pool=as-completed' font ',11'
set yrange [0:1.3]
plot $b4 using 2:xtic(1) title 'load balance' lc rgb '#0072B2' fs solid 0.85 border lc rgb '#000000', \
     '' using 3 title 'comm. efficiency' lc rgb '#D55E00' fs pattern 4 border lc rgb '#000000', \
     '' using 4 title 'comp. scalability' lc rgb '#009E73' fs pattern 2 border lc rgb '#000000'
set title 'factor-processes pool=submit' font ',11'
set yrange [0:1.3]
plot $b5 using 2:xtic(1) title 'load balance' lc rgb '#0072B2' fs solid 0.85 border lc rgb '#000000', \
     '' using 3 title 'comm. efficiency' lc rgb '#D55E00' fs pattern 4 border lc rgb '#000000', \
     '' using 4 title 'comp. scalability' lc rgb '#009E73' fs pattern 2 border lc rgb '#000000'
unset multiplot
set output
}
