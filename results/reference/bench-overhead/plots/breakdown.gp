# breakdown.gp - the POP efficiency breakdown per worker count, one panel per curve.
# Written by scal-run; render with: gnuplot breakdown.gp (writes breakdown.png and breakdown.svg).
set encoding utf8
$b0 << EOD
# workers load_balance comm_eff comp_scalability
1 1 0.435858966 1
2 0.956081649 0.0968451117 0.998425656
EOD
$b1 << EOD
# workers load_balance comm_eff comp_scalability
1 1 0.482110606 1
2 0.989775418 0.484070852 0.99457987
EOD
$b2 << EOD
# workers load_balance comm_eff comp_scalability
1 1 0.439945972 1
2 0.951735911 0.0989671792 0.978729814
EOD
$b3 << EOD
# workers load_balance comm_eff comp_scalability
1 1 0.961918736 1
2 0.997484096 0.854943051 0.986234726
EOD
$b4 << EOD
# workers load_balance comm_eff comp_scalability
1 1 0.968679692 1
2 0.994409012 0.971047294 0.993536979
EOD
$b5 << EOD
# workers load_balance comm_eff comp_scalability
1 1 0.963419334 1
2 0.998394435 0.853047726 0.9791064
EOD
$b6 << EOD
# workers load_balance comm_eff comp_scalability
1 1 0.9929362 1
2 0.999903651 0.979864229 0.99304724
EOD
$b7 << EOD
# workers load_balance comm_eff comp_scalability
1 1 0.996230574 1
2 0.998353995 0.995948382 0.974961959
EOD
$b8 << EOD
# workers load_balance comm_eff comp_scalability
1 1 0.994326786 1
2 0.999873578 0.980399133 0.987467015
EOD
$b9 << EOD
# workers load_balance comm_eff comp_scalability
1 1 0.999500047 1
2 0.999430381 0.998221357 0.987006422
EOD
$b10 << EOD
# workers load_balance comm_eff comp_scalability
1 1 0.99934407 1
2 0.988549869 0.999202373 0.986979454
EOD
$b11 << EOD
# workers load_balance comm_eff comp_scalability
1 1 0.999547471 1
2 0.999522443 0.997748131 0.984759055
EOD
$b12 << EOD
# workers load_balance comm_eff comp_scalability
1 1 0.299645331 1
2 0.513622634 0.244467599 0.992642077
EOD
$b13 << EOD
# workers load_balance comm_eff comp_scalability
1 1 0.0528989219 1
2 0.970379633 0.0293110971 0.967077478
EOD
$b14 << EOD
# workers load_balance comm_eff comp_scalability
1 1 0.294518463 1
2 0.519224761 0.243550862 0.996611415
EOD
$b15 << EOD
# workers load_balance comm_eff comp_scalability
1 1 0.93969839 1
2 0.610851412 0.937472956 0.9564643
EOD
$b16 << EOD
# workers load_balance comm_eff comp_scalability
1 1 0.654125813 1
2 0.990781203 0.490354246 0.97856515
EOD
$b17 << EOD
# workers load_balance comm_eff comp_scalability
1 1 0.932765771 1
2 0.610031327 0.938055264 0.932085296
EOD
$b18 << EOD
# workers load_balance comm_eff comp_scalability
1 1 0.991690452 1
2 0.958535024 0.988847156 0.983578255
EOD
$b19 << EOD
# workers load_balance comm_eff comp_scalability
1 1 0.948291192 1
2 0.987558679 0.909972414 1.00501455
EOD
$b20 << EOD
# workers load_balance comm_eff comp_scalability
1 1 0.991599006 1
2 0.966717711 0.985693496 1.00294999
EOD
$b21 << EOD
# workers load_balance comm_eff comp_scalability
1 1 0.999022681 1
2 0.996125638 0.998173613 0.992036066
EOD
$b22 << EOD
# workers load_balance comm_eff comp_scalability
1 1 0.992527781 1
2 0.997746345 0.986343682 0.995703321
EOD
$b23 << EOD
# workers load_balance comm_eff comp_scalability
1 1 0.998908704 1
2 0.99298301 0.99761541 0.994572347
EOD
do for [fmt in 'png svg'] {
if (fmt eq 'svg') {
    set terminal svg size 1260,2440 noenhanced font 'sans,11' background '#ffffff'
} else {
    if (strstrt(GPVAL_TERMINALS, 'pngcairo') > 0) {
        set terminal pngcairo size 1260,2440 noenhanced font 'sans,10'
    } else {
        set terminal png size 1260,2440 noenhanced
    }
}
set output 'breakdown.'.fmt
set multiplot layout 8,3 title 'POP efficiency breakdown per worker count (1: no loss; dotted: 0.8)' font ',12'
set style data histograms
set style histogram clustered gap 1
set boxwidth 0.9
set grid y lc rgb '#dddddd'
set xlabel 'workers'
set ylabel 'factor'
set key top center horizontal samplen 1.5 font ',9'
set arrow 1 from graph 0, first 0.8 to graph 1, first 0.8 nohead dt (2,3) lc rgb '#444444' front
set arrow 2 from graph 0, first 1 to graph 1, first 1 nohead lc rgb '#888888' front
set title 'omp-us0 pool=as-completed' font ',11'
set yrange [0:1.3]
plot $b0 using 2:xtic(1) title 'load balance' lc rgb '#0072B2' fs solid 0.85 border lc rgb '#000000', \
     '' using 3 title 'comm. efficiency' lc rgb '#D55E00' fs pattern 4 border lc rgb '#000000', \
     '' using 4 title 'comp. scalability' lc rgb '#009E73' fs pattern 2 border lc rgb '#000000'
set title 'omp-us0 pool=map' font ',11'
set yrange [0:1.3]
plot $b1 using 2:xtic(1) title 'load balance' lc rgb '#0072B2' fs solid 0.85 border lc rgb '#000000', \
     '' using 3 title 'comm. efficiency' lc rgb '#D55E00' fs pattern 4 border lc rgb '#000000', \
     '' using 4 title 'comp. scalability' lc rgb '#009E73' fs pattern 2 border lc rgb '#000000'
set title 'omp-us0 pool=submit' font ',11'
set yrange [0:1.3]
plot $b2 using 2:xtic(1) title 'load balance' lc rgb '#0072B2' fs solid 0.85 border lc rgb '#000000', \
     '' using 3 title 'comm. efficiency' lc rgb '#D55E00' fs pattern 4 border lc rgb '#000000', \
     '' using 4 title 'comp. scalability' lc rgb '#009E73' fs pattern 2 border lc rgb '#000000'
set title 'omp-us1 pool=as-completed' font ',11'
set yrange [0:1.3]
plot $b3 using 2:xtic(1) title 'load balance' lc rgb '#0072B2' fs solid 0.85 border lc rgb '#000000', \
     '' using 3 title 'comm. efficiency' lc rgb '#D55E00' fs pattern 4 border lc rgb '#000000', \
     '' using 4 title 'comp. scalability' lc rgb '#009E73' fs pattern 2 border lc rgb '#000000'
set title 'omp-us1 pool=map' font ',11'
set yrange [0:1.3]
plot $b4 using 2:xtic(1) title 'load balance' lc rgb '#0072B2' fs solid 0.85 border lc rgb '#000000', \
     '' using 3 title 'comm. efficiency' lc rgb '#D55E00' fs pattern 4 border lc rgb '#000000', \
     '' using 4 title 'comp. scalability' lc rgb '#009E73' fs pattern 2 border lc rgb '#000000'
set title 'omp-us1 pool=submit' font ',11'
set yrange [0:1.3]
plot $b5 using 2:xtic(1) title 'load balance' lc rgb '#0072B2' fs solid 0.85 border lc rgb '#000000', \
     '' using 3 title 'comm. efficiency' lc rgb '#D55E00' fs pattern 4 border lc rgb '#000000', \
     '' using 4 title 'comp. scalability' lc rgb '#009E73' fs pattern 2 border lc rgb '#000000'
set title 'omp-us10 pool=as-completed' font ',11'
set yrange [0:1.3]
plot $b6 using 2:xtic(1) title 'load balance' lc rgb '#0072B2' fs solid 0.85 border lc rgb '#000000', \
     '' using 3 title 'comm. efficiency' lc rgb '#D55E00' fs pattern 4 border lc rgb '#000000', \
     '' using 4 title 'comp. scalability' lc rgb '#009E73' fs pattern 2 border lc rgb '#000000'
set title 'omp-us10 pool=map' font ',11'
set yrange [0:1.3]
plot $b7 using 2:xtic(1) title 'load balance' lc rgb '#0072B2' fs solid 0.85 border lc rgb '#000000', \
     '' using 3 title 'comm. efficiency' lc rgb '#D55E00' fs pattern 4 border lc rgb '#000000', \
     '' using 4 title 'comp. scalability' lc rgb '#009E73' fs pattern 2 border lc rgb '#000000'
set title 'omp-us10 pool=submit' font ',11'
set yrange [0:1.3]
plot $b8 using 2:xtic(1) title 'load balance' lc rgb '#0072B2' fs solid 0.85 border lc rgb '#000000', \
     '' using 3 title 'comm. efficiency' lc rgb '#D55E00' fs pattern 4 border lc rgb '#000000', \
     '' using 4 title 'comp. scalability' lc rgb '#009E73' fs pattern 2 border lc rgb '#000000'
set title 'omp-us100 pool=as-completed' font ',11'
set yrange [0:1.3]
plot $b9 using 2:xtic(1) title 'load balance' lc rgb '#0072B2' fs solid 0.85 border lc rgb '#000000', \
     '' using 3 title 'comm. efficiency' lc rgb '#D55E00' fs pattern 4 border lc rgb '#000000', \
     '' using 4 title 'comp. scalability' lc rgb '#009E73' fs pattern 2 border lc rgb '#000000'
set title 'omp-us100 pool=map' font ',11'
set yrange [0:1.3]
plot $b10 using 2:xtic(1) title 'load balance' lc rgb '#0072B2' fs solid 0.85 border lc rgb '#000000', \
     '' using 3 title 'comm. efficiency' lc rgb '#D55E00' fs pattern 4 border lc rgb '#000000', \
     '' using 4 title 'comp. scalability' lc rgb '#009E73' fs pattern 2 border lc rgb '#000000'
set title 'omp-us100 pool=submit' font ',11'
set yrange [0:1.3]
plot $b11 using 2:xtic(1) title 'load balance' lc rgb '#0072B2' fs solid 0.85 border lc rgb '#000000', \
     '' using 3 title 'comm. efficiency' lc rgb '#D55E00' fs pattern 4 border lc rgb '#000000', \
     '' using 4 title 'comp. scalability' lc rgb '#009E73' fs pattern 2 border lc rgb '#000000'
set title 'mpi-us0 pool=as-completed' font ',11'
set yrange [0:1.3]
plot $b12 using 2:xtic(1) title 'load balance' lc rgb '#0072B2' fs solid 0.85 border lc rgb '#000000', \
     '' using 3 title 'comm. efficiency' lc rgb '#D55E00' fs pattern 4 border lc rgb '#000000', \
     '' using 4 title 'comp. scalability' lc rgb '#009E73' fs pattern 2 border lc rgb '#000000'
set title 'mpi-us0 pool=map' font ',11'
set yrange [0:1.3]
plot $b13 using 2:xtic(1) title 'load balance' lc rgb '#0072B2' fs solid 0.85 border lc rgb '#000000', \
     '' using 3 title 'comm. efficiency' lc rgb '#D55E00' fs pattern 4 border lc rgb '#000000', \
     '' using 4 title 'comp. scalability' lc rgb '#009E73' fs pattern 2 border lc rgb '#000000'
set title 'mpi-us0 pool=submit' font ',11'
set yrange [0:1.3]
plot $b14 using 2:xtic(1) title 'load balance' lc rgb '#0072B2' fs solid 0.85 border lc rgb '#000000', \
     '' using 3 title 'comm. efficiency' lc rgb '#D55E00' fs pattern 4 border lc rgb '#000000', \
     '' using 4 title 'comp. scalability' lc rgb '#009E73' fs pattern 2 border lc rgb '#000000'
set title 'mpi-us1 pool=as-completed' font ',11'
set yrange [0:1.3]
plot $b15 using 2:xtic(1) title 'load balance' lc rgb '#0072B2' fs solid 0.85 border lc rgb '#000000', \
     '' using 3 title 'comm. efficiency' lc rgb '#D55E00' fs pattern 4 border lc rgb '#000000', \
     '' using 4 title 'comp. scalability' lc rgb '#009E73' fs pattern 2 border lc rgb '#000000'
set title 'mpi-us1 pool=map' font ',11'
set yrange [0:1.3]
plot $b16 using 2:xtic(1) title 'load balance' lc rgb '#0072B2' fs solid 0.85 border lc rgb '#000000', \
     '' using 3 title 'comm. efficiency' lc rgb '#D55E00' fs pattern 4 border lc rgb '#000000', \
     '' using 4 title 'comp. scalability' lc rgb '#009E73' fs pattern 2 border lc rgb '#000000'
set title 'mpi-us1 pool=submit' font ',11'
set yrange [0:1.3]
plot $b17 using 2:xtic(1) title 'load balance' lc rgb '#0072B2' fs solid 0.85 border lc rgb '#000000', \
     '' using 3 title 'comm. efficiency' lc rgb '#D55E00' fs pattern 4 border lc rgb '#000000', \
     '' using 4 title 'comp. scalability' lc rgb '#009E73' fs pattern 2 border lc rgb '#000000'
set title 'mpi-us10 pool=as-completed' font ',11'
set yrange [0:1.3]
plot $b18 using 2:xtic(1) title 'load balance' lc rgb '#0072B2' fs solid 0.85 border lc rgb '#000000', \
     '' using 3 title 'comm. efficiency' lc rgb '#D55E00' fs pattern 4 border lc rgb '#000000', \
     '' using 4 title 'comp. scalability' lc rgb '#009E73' fs pattern 2 border lc rgb '#000000'
set title 'mpi-us10 pool=map' font ',11'
set yrange [0:1.30652]
plot $b19 using 2:xtic(1) title 'load balance' lc rgb '#0072B2' fs solid 0.85 border lc rgb '#000000', \
     '' using 3 title 'comm. efficiency' lc rgb '#D55E00' fs pattern 4 border lc rgb '#000000', \
     '' using 4 title 'comp. scalability' lc rgb '#009E73' fs pattern 2 border lc rgb '#000000'
set title 'mpi-us10 pool=submit' font ',11'
set yrange [0:1.30383]
plot $b20 using 2:xtic(1) title 'load balance' lc rgb '#0072B2' fs solid 0.85 border lc rgb '#000000', \
     '' using 3 title 'comm. efficiency' lc rgb '#D55E00' fs pattern 4 border lc rgb '#000000', \
     '' using 4 title 'comp. scalability' lc rgb '#009E73' fs pattern 2 border lc rgb '#000000'
set title 'mpi-us100 pool=as-completed' font ',11'
set yrange [0:1.3]
plot $b21 using 2:xtic(1) title 'load balance' lc rgb '#0072B2' fs solid 0.85 border lc rgb '#000000', \
     '' using 3 title 'comm. efficiency' lc rgb '#D55E00' fs pattern 4 border lc rgb '#000000', \
     '' using 4 title 'comp. scalability' lc rgb '#009E73' fs pattern 2 border lc rgb '#000000'
set title 'mpi-us100 pool=map' font ',11'
set yrange [0:1.3]
plot $b22 using 2:xtic(1) title 'load balance' lc rgb '#0072B2' fs solid 0.85 border lc rgb '#000000', \
     '' using 3 title 'comm. efficiency' lc rgb '#D55E00' fs pattern 4 border lc rgb '#000000', \
     '' using 4 title 'comp. scalability' lc rgb '#009E73' fs pattern 2 border lc rgb '#000000'
set title 'mpi-us100 pool=submit' font ',11'
set yrange [0:1.3]
plot $b23 using 2:xtic(1) title 'load balance' lc rgb '#0072B2' fs solid 0.85 border lc rgb '#000000', \
     '' using 3 title 'comm. efficiency' lc rgb '#D55E00' fs pattern 4 border lc rgb '#000000', \
     '' using 4 title 'comp. scalability' lc rgb '#009E73' fs pattern 2 border lc rgb '#000000'
unset multiplot
set output
}
