# breakdown.gp - the POP efficiency breakdown per worker count, one panel per curve.
# Written by scal-run; render with: gnuplot breakdown.gp (writes breakdown.png and breakdown.svg).
set encoding utf8
$b0 << EOD
# workers load_balance comm_eff comp_scalability
1 1 0.981485765 1
2 0.998759988 0.984550824 1.04079622
EOD
do for [fmt in 'png svg'] {
if (fmt eq 'svg') {
    set terminal svg size 630,490 noenhanced font 'sans,11' background '#ffffff'
} else {
    if (strstrt(GPVAL_TERMINALS, 'pngcairo') > 0) {
        set terminal pngcairo size 630,490 noenhanced font 'sans,10'
    } else {
        set terminal png size 630,490 noenhanced
    }
}
set output 'breakdown.'.fmt
set multiplot layout 1,1 title 'POP efficiency breakdown per worker count (1: no loss; dotted: 0.8)' font ',12'
set style data histograms
set style histogram clustered gap 1
set boxwidth 0.9
set grid y lc rgb '#dddddd'
set xlabel 'workers'
set ylabel 'factor'
set key top center horizontal samplen 1.5 font ',9'
set arrow 1 from graph 0, first 0.8 to graph 1, first 0.8 nohead dt (2,3) lc rgb '#444444' front
set arrow 2 from graph 0, first 1 to graph 1, first 1 nohead lc rgb '#888888' front
set title 'global' font ',11'
set yrange [0:1.35304]
plot $b0 using 2:xtic(1) title 'load balance' lc rgb '#0072B2' fs solid 0.85 border lc rgb '#000000', \
     '' using 3 title 'comm. efficiency' lc rgb '#D55E00' fs pattern 4 border lc rgb '#000000', \
     '' using 4 title 'comp. scalability' lc rgb '#009E73' fs pattern 2 border lc rgb '#000000'
unset multiplot
set output
}
