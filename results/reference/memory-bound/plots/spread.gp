# spread.gp - every repetition's wall time over its point's median, one panel per series.
# Written by scal-run; render with: gnuplot spread.gp (writes spread.png and spread.svg).
set encoding utf8
$r0 << EOD
# x wall/median noisy
1 0.995108 0
1 1.00335 0
1 0.998852 0
1 1.01739 0
1 1.02062 0
1 0.994681 0
1 1.00296 0
1 1.02159 0
1 0.999477 0
1 0.987233 0
1 1.00566 0
1 0.992823 0
1 0.99793 0
1 1.00423 0
1 1 0
2 0.99721 0
2 1.00066 0
2 1.04171 0
2 1.33144 1
2 1.45182 1
2 1.05194 0
2 0.991628 0
2 0.985811 0
2 1.01303 0
2 1.00104 0
2 1.01398 0
2 0.993342 0
2 0.981855 0
2 0.999337 0
2 0.987854 0
2 1.01356 0
2 1.00346 0
2 0.96904 0
2 1.00346 0
2 0.978357 0
2 1.02079 0
2 1.01213 1
2 0.996228 0
2 0.989439 0
2 1.02278 0
2 0.980195 0
2 0.973353 0
2 0.983349 0
2 0.967546 0
2 1.00654 0
EOD
$r1 << EOD
# x wall/median noisy
1 1.00523 0
1 1.25361 0
1 1.00053 0
1 1.02873 0
1 1.29523 0
1 0.987444 0
1 0.984449 0
1 1.03011 0
1 1.03514 0
1 0.965703 0
1 1.00457 0
1 1.01236 0
1 0.946078 0
1 0.96484 0
1 1.01103 0
1 0.98879 0
1 0.950167 0
1 1.01503 0
1 1.03946 0
1 0.946585 0
1 0.991249 0
1 1.01681 0
1 1.0153 0
1 0.952098 0
1 0.950724 0
1 0.949099 0
1 0.95133 0
1 1.00158 0
1 0.999473 0
1 0.958768 0
2 1.05096 0
2 2.00303 1
2 1.66725 0
2 1.76486 0
2 1.57494 0
2 1.68244 0
2 1.56481 0
2 1.80279 0
2 1.84566 0
2 1.56877 0
2 1.58232 0
2 1.52319 0
2 0.965558 1
2 0.97269 1
2 0.957811 0
2 0.985324 0
2 0.969546 0
2 0.932124 0
2 0.957119 0
2 0.95629 1
2 0.950425 0
2 0.990295 1
2 0.978362 1
2 0.935754 0
2 0.9511 0
2 1.01182 1
2 1.02353 1
2 1.0097 1
2 0.980897 0
2 0.944647 0
EOD
do for [fmt in 'png svg'] {
if (fmt eq 'svg') {
    set terminal svg size 940,380 noenhanced font 'sans,11' background '#ffffff'
} else {
    if (strstrt(GPVAL_TERMINALS, 'pngcairo') > 0) {
        set terminal pngcairo size 940,380 noenhanced font 'sans,10'
    } else {
        set terminal png size 940,380 noenhanced
    }
}
set output 'spread.'.fmt
set multiplot layout 1,2 title 'Each repetition: wall / its point''s median (hollow: noisy; band: precision asked)' font ',12'
set grid lc rgb '#dddddd'
set xlabel 'workers'
set ylabel 'wall / median'
set logscale x 2
set key top right samplen 1 font ',9' box opaque
set title 'factor' font ',11'
set xrange [0.769231:2.6]
set yrange [0.928804:1.49056]
set object 1 rect from graph 0, first 0.99 to graph 1, first 1.01 fc rgb '#e8e8e8' fs solid noborder behind
plot 1 notitle with lines lc rgb '#888888', \
     $r0 using 1:($3 == 0 ? $2 : NaN) with points lc rgb '#0072B2' pt 7 ps 0.9 title 'measured', \
     $r0 using 1:($3 != 0 ? $2 : NaN) with points lc rgb '#0072B2' pt 6 ps 1.1 notitle
unset object 1
set title 'triad' font ',11'
set xrange [0.769231:2.6]
set yrange [0.846452:2.0887]
set object 1 rect from graph 0, first 0.99 to graph 1, first 1.01 fc rgb '#e8e8e8' fs solid noborder behind
plot 1 notitle with lines lc rgb '#888888', \
     $r1 using 1:($3 == 0 ? $2 : NaN) with points lc rgb '#0072B2' pt 7 ps 0.9 title 'measured', \
     $r1 using 1:($3 != 0 ? $2 : NaN) with points lc rgb '#0072B2' pt 6 ps 1.1 notitle
unset object 1
unset multiplot
set output
}
