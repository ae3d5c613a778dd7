# breakdown.gp - the POP efficiency breakdown per worker count, one panel per curve.
# Written by scal-run; render with: gnuplot breakdown.gp (writes breakdown.png and breakdown.svg).
set encoding utf8
$b0 << EOD
# workers load_balance comm_eff comp_scalability
1 1 0.999593146 1
EOD
$b1 << EOD
# workers load_balance comm_eff comp_scalability
1 1 0.999529604 1
EOD
$b2 << EOD
# workers load_balance comm_eff comp_scalability
1 1 0.999763653 1
EOD
$b3 << EOD
# workers load_balance comm_eff comp_scalability
1 1 0.999468936 1
EOD
$b4 << EOD
# workers load_balance comm_eff comp_scalability
1 1 0.661834968 1
EOD
$b5 << EOD
# workers load_balance comm_eff comp_scalability
1 1 0.854957931 1
EOD
$b6 << EOD
# workers load_balance comm_eff comp_scalability
1 1 0.940705407 1
EOD
$b7 << EOD
# workers load_balance comm_eff comp_scalability
1 1 0.889193952 1
EOD
$b8 << EOD
# workers load_balance comm_eff comp_scalability
1 1 0.994492086 1
EOD
$b9 << EOD
# workers load_balance comm_eff comp_scalability
1 1 0.995091864 1
EOD
$b10 << EOD
# workers load_balance comm_eff comp_scalability
1 1 0.966584194 1
EOD
$b11 << EOD
# workers load_balance comm_eff comp_scalability
1 1 0.973990014 1
EOD
$b12 << EOD
# workers load_balance comm_eff comp_scalability
1 1 0.984923901 1
EOD
do for [fmt in 'png svg'] {
if (fmt eq 'svg') {
    set terminal svg size 1260,1540 noenhanced font 'sans,11' background '#ffffff'
} else {
    if (strstrt(GPVAL_TERMINALS, 'pngcairo') > 0) {
        set terminal pngcairo size 1260,1540 noenhanced font 'sans,10'
    } else {
        set terminal png size 1260,1540 noenhanced
    }
}
set output 'breakdown.'.fmt
set multiplot layout 5,3 title 'POP efficiency breakdown per worker count (1: no loss; dotted: 0.8)' font ',12'
set style data histograms
set style histogram clustered gap 1
set boxwidth 0.9
set grid y lc rgb '#dddddd'
set xlabel 'workers'
set ylabel 'factor'
set key top center horizontal samplen 1.5 font ',9'
set arrow 1 from graph 0, first 0.8 to graph 1, first 0.8 nohead dt (2,3) lc rgb '#444444' front
set arrow 2 from graph 0, first 1 to graph 1, first 1 nohead lc rgb '#888888' front
set title 'matvec nodes=1024 fraction=0.001' font ',11'
set yrange [0:1.3]
plot $b0 using 2:xtic(1) title 'load balance' lc rgb '#0072B2' fs solid 0.85 border lc rgb '#000000', \
     '' using 3 title 'comm. efficiency' lc rgb '#D55E00' fs pattern 4 border lc rgb '#000000', \
     '' using 4 title 'comp. scalability' lc rgb '#009E73' fs pattern 2 border lc rgb '#000000'
set title 'matvec nodes=1024 fraction=0.01' font ',11'
set yrange [0:1.3]
plot $b1 using 2:xtic(1) title 'load balance' lc rgb '#0072B2' fs solid 0.85 border lc rgb '#000000', \
     '' using 3 title 'comm. efficiency' lc rgb '#D55E00' fs pattern 4 border lc rgb '#000000', \
     '' using 4 title 'comp. scalability' lc rgb '#009E73' fs pattern 2 border lc rgb '#000000'
set title 'matvec nodes=4096 fraction=0.001' font ',11'
set yrange [0:1.3]
plot $b2 using 2:xtic(1) title 'load balance' lc rgb '#0072B2' fs solid 0.85 border lc rgb '#000000', \
     '' using 3 title 'comm. efficiency' lc rgb '#D55E00' fs pattern 4 border lc rgb '#000000', \
     '' using 4 title 'comp. scalability' lc rgb '#009E73' fs pattern 2 border lc rgb '#000000'
set title 'matvec nodes=4096 fraction=0.01' font ',11'
set yrange [0:1.3]
plot $b3 using 2:xtic(1) title 'load balance' lc rgb '#0072B2' fs solid 0.85 border lc rgb '#000000', \
     '' using 3 title 'comm. efficiency' lc rgb '#D55E00' fs pattern 4 border lc rgb '#000000', \
     '' using 4 title 'comp. scalability' lc rgb '#009E73' fs pattern 2 border lc rgb '#000000'
set title 'bitset nodes=1024 fraction=0.001' font ',11'
set yrange [0:1.3]
plot $b4 using 2:xtic(1) title 'load balance' lc rgb '#0072B2' fs solid 0.85 border lc rgb '#000000', \
     '' using 3 title 'comm. efficiency' lc rgb '#D55E00' fs pattern 4 border lc rgb '#000000', \
     '' using 4 title 'comp. scalability' lc rgb '#009E73' fs pattern 2 border lc rgb '#000000'
set title 'bitset nodes=1024 fraction=0.01' font ',11'
set yrange [0:1.3]
plot $b5 using 2:xtic(1) title 'load balance' lc rgb '#0072B2' fs solid 0.85 border lc rgb '#000000', \
     '' using 3 title 'comm. efficiency' lc rgb '#D55E00' fs pattern 4 border lc rgb '#000000', \
     '' using 4 title 'comp. scalability' lc rgb '#009E73' fs pattern 2 border lc rgb '#000000'
set title 'bitset nodes=4096 fraction=0.001' font ',11'
set yrange [0:1.3]
plot $b6 using 2:xtic(1) title 'load balance' lc rgb '#0072B2' fs solid 0.85 border lc rgb '#000000', \
     '' using 3 title 'comm. efficiency' lc rgb '#D55E00' fs pattern 4 border lc rgb '#000000', \
     '' using 4 title 'comp. scalability' lc rgb '#009E73' fs pattern 2 border lc rgb '#000000'
set title 'bitset nodes=4096 fraction=0.01' font ',11'
set yrange [0:1.3]
plot $b7 using 2:xtic(1) title 'load balance' lc rgb '#0072B2' fs solid 0.85 border lc rgb '#000000', \
     '' using 3 title 'comm. efficiency' lc rgb '#D55E00' fs pattern 4 border lc rgb '#000000', \
     '' using 4 title 'comp. scalability' lc rgb '#009E73' fs pattern 2 border lc rgb '#000000'
set title 'bitset-large nodes=100000 fraction=0.0001' font ',11'
set yrange [0:1.3]
plot $b8 using 2:xtic(1) title 'load balance' lc rgb '#0072B2' fs solid 0.85 border lc rgb '#000000', \
     '' using 3 title 'comm. efficiency' lc rgb '#D55E00' fs pattern 4 border lc rgb '#000000', \
     '' using 4 title 'comp. scalability' lc rgb '#009E73' fs pattern 2 border lc rgb '#000000'
set title 'bitset-large nodes=100000 fraction=0.0005' font ',11'
set yrange [0:1.3]
plot $b9 using 2:xtic(1) title 'load balance' lc rgb '#0072B2' fs solid 0.85 border lc rgb '#000000', \
     '' using 3 title 'comm. efficiency' lc rgb '#D55E00' fs pattern 4 border lc rgb '#000000', \
     '' using 4 title 'comp. scalability' lc rgb '#009E73' fs pattern 2 border lc rgb '#000000'
set title 'bitset-large nodes=20000 fraction=0.0001' font ',11'
set yrange [0:1.3]
plot $b10 using 2:xtic(1) title 'load balance' lc rgb '#0072B2' fs solid 0.85 border lc rgb '#000000', \
     '' using 3 title 'comm. efficiency' lc rgb '#D55E00' fs pattern 4 border lc rgb '#000000', \
     '' using 4 title 'comp. scalability' lc rgb '#009E73' fs pattern 2 border lc rgb '#000000'
set title 'bitset-large nodes=20000 fraction=0.0005' font ',11'
set yrange [0:1.3]
plot $b11 using 2:xtic(1) title 'load balance' lc rgb '#0072B2' fs solid 0.85 border lc rgb '#000000', \
     '' using 3 title 'comm. efficiency' lc rgb '#D55E00' fs pattern 4 border lc rgb '#000000', \
     '' using 4 title 'comp. scalability' lc rgb '#009E73' fs pattern 2 border lc rgb '#000000'
set title 'bitset-grouped' font ',11'
set yrange [0:1.3]
plot $b12 using 2:xtic(1) title 'load balance' lc rgb '#0072B2' fs solid 0.85 border lc rgb '#000000', \
     '' using 3 title 'comm. efficiency' lc rgb '#D55E00' fs pattern 4 border lc rgb '#000000', \
     '' using 4 title 'comp. scalability' lc rgb '#009E73' fs pattern 2 border lc rgb '#000000'
unset multiplot
set output
}
