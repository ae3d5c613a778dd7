# breakdown.gp - the POP efficiency breakdown per worker count, one panel per curve.
# Written by scal-run; render with: gnuplot breakdown.gp (writes breakdown.png and breakdown.svg).
set encoding utf8
$b0 << EOD
# workers load_balance comm_eff comp_scalability
1 1 0.999963619 1
2 0.980879513 0.999597355 0.999423021
4 0.979294442 0.999593545 1.00091886
8 0.923753104 0.999193782 1.00082687
16 0.825192755 0.998263923 1.00151739
EOD
$b1 << EOD
# workers load_balance comm_eff comp_scalability
1 1 0.999952465 1
2 0.96405405 0.999919056 0.999681082
4 0.910417578 0.999663981 1.00041358
8 0.843090071 0.99872194 1.00090457
16 0.738272259 0.998138577 0.999393734
EOD
$b2 << EOD
# workers load_balance comm_eff comp_scalability
1 1 0.999951512 1
2 0.98084528 0.999821683 1.00092866
4 0.979675847 0.999200113 1.00084561
EOD
$b3 << EOD
# workers load_balance comm_eff comp_scalability
1 1 0.999941203 1
2 0.939281408 0.997134532 0.999793361
4 0.850617641 0.996916129 0.999646687
EOD
$b4 << EOD
# workers load_balance comm_eff comp_scalability
1 1 0.999975736 1
2 0.91974828 0.999904442 1.02148374
4 0.904302746 0.995278986 0.533921999
EOD
$b5 << EOD
# workers load_balance comm_eff comp_scalability
1 1 0.999949694 1
2 0.932101438 0.999761698 0.989133638
4 0.875671158 0.995964803 0.517748243
EOD
$b6 << EOD
# workers load_balance comm_eff comp_scalability
1 1 0.999947946 1
2 0.919880318 0.999548582 0.957733044
4 0.9429925 0.997817356 0.479096303
EOD
$b7 << EOD
# workers load_balance comm_eff comp_scalability
1 1 0.999952492 1
2 0.899796031 0.99994719 0.952519361
4 0.848595363 0.993916945 0.514658486
EOD
do for [fmt in 'png svg'] {
if (fmt eq 'svg') {
    set terminal svg size 1260,940 noenhanced font 'sans,11' background '#ffffff'
} else {
    if (strstrt(GPVAL_TERMINALS, 'pngcairo') > 0) {
        set terminal pngcairo size 1260,940 noenhanced font 'sans,10'
    } else {
        set terminal png size 1260,940 noenhanced
    }
}
set output 'breakdown.'.fmt
set multiplot layout 3,3 title 'POP efficiency breakdown per worker count (1: no loss; dotted: 0.8)' font ',12'
set style data histograms
set style histogram clustered gap 1
set boxwidth 0.9
set grid y lc rgb '#dddddd'
set xlabel 'workers'
set ylabel 'factor'
set key top center horizontal samplen 1.5 font ',9'
set arrow 1 from graph 0, first 0.8 to graph 1, first 0.8 nohead dt (2,3) lc rgb '#444444' front
set arrow 2 from graph 0, first 1 to graph 1, first 1 nohead lc rgb '#888888' front
set title 'sleep-threads pool=map' font ',11'
set yrange [0:1.30197]
plot $b0 using 2:xtic(1) title 'load balance' lc rgb '#0072B2' fs solid 0.85 border lc rgb '#000000', \
     '' using 3 title 'comm. efficiency' lc rgb '#D55E00' fs pattern 4 border lc rgb '#000000', \
     '' using 4 title 'comp. scalability' lc rgb '#009E73' fs pattern 2 border lc rgb '#000000'
set title 'sleep-threads pool=submit' font ',11'
set yrange [0:1.30118]
plot $b1 using 2:xtic(1) title 'load balance' lc rgb '#0072B2' fs solid 0.85 border lc rgb '#000000', \
     '' using 3 title 'comm. efficiency' lc rgb '#D55E00' fs pattern 4 border lc rgb '#000000', \
     '' using 4 title 'comp. scalability' lc rgb '#009E73' fs pattern 2 border lc rgb '#000000'
set title 'sleep-processes pool=map' font ',11'
set yrange [0:1.30121]
plot $b2 using 2:xtic(1) title 'load balance' lc rgb '#0072B2' fs solid 0.85 border lc rgb '#000000', \
     '' using 3 title 'comm. efficiency' lc rgb '#D55E00' fs pattern 4 border lc rgb '#000000', \
     '' using 4 title 'comp. scalability' lc rgb '#009E73' fs pattern 2 border lc rgb '#000000'
set title 'sleep-processes pool=submit' font ',11'
set yrange [0:1.3]
plot $b3 using 2:xtic(1) title 'load balance' lc rgb '#0072B2' fs solid 0.85 border lc rgb '#000000', \
     '' using 3 title 'comm. efficiency' lc rgb '#D55E00' fs pattern 4 border lc rgb '#000000', \
     '' using 4 title 'comp. scalability' lc rgb '#009E73' fs pattern 2 border lc rgb '#000000'
set title 'factor-threads pool=map' font ',11'
set yrange [0:1.32793]
plot $b4 using 2:xtic(1) title 'load balance' lc rgb '#0072B2' fs solid 0.85 border lc rgb '#000000', \
     '' using 3 title 'comm. efficiency' lc rgb '#D55E00' fs pattern 4 border lc rgb '#000000', \
     '' using 4 title 'comp. scalability' lc rgb '#009E73' fs pattern 2 border lc rgb '#000000'
set title 'factor-threads pool=submit' font ',11'
set yrange [0:1.3]
plot $b5 using 2:xtic(1) title 'load balance' lc rgb '#0072B2' fs solid 0.85 border lc rgb '#000000', \
     '' using 3 title 'comm. efficiency' lc rgb '#D55E00' fs pattern 4 border lc rgb '#000000', \
     '' using 4 title 'comp. scalability' lc rgb '#009E73' fs pattern 2 border lc rgb '#000000'
set title 'factor-processes pool=map' font ',11'
set yrange [0:1.3]
plot $b6 using 2:xtic(1) title 'load balance' lc rgb '#0072B2' fs solid 0.85 border lc rgb '#000000', \
     '' using 3 title 'comm. efficiency' lc rgb '#D55E00' fs pattern 4 border lc rgb '#000000', \
     '' using 4 title 'comp. scalability' lc rgb '#009E73' fs pattern 2 border lc rgb '#000000'
set title 'factor-processes pool=submit' font ',11'
set yrange [0:1.3]
plot $b7 using 2:xtic(1) title 'load balance' lc rgb '#0072B2' fs solid 0.85 border lc rgb '#000000', \
     '' using 3 title 'comm. efficiency' lc rgb '#D55E00' fs pattern 4 border lc rgb '#000000', \
     '' using 4 title 'comp. scalability' lc rgb '#009E73' fs pattern 2 border lc rgb '#000000'
unset multiplot
set output
}
