# timeline-0.gp - tasks per worker over time from one trace (boxes from start_s to end_s).
# Written by scal-run; render with: gnuplot timeline-0.gp (writes timeline-0.png and timeline-0.svg).
set encoding utf8
do for [fmt in 'png svg'] {
if (fmt eq 'svg') {
    set terminal svg size 1000,400 noenhanced font 'sans,11' background '#ffffff'
} else {
    if (strstrt(GPVAL_TERMINALS, 'pngcairo') > 0) {
        set terminal pngcairo size 1000,400 noenhanced font 'sans,10'
    } else {
        set terminal png size 1000,400 noenhanced
    }
}
set output 'timeline-0.'.fmt
set grid
set title 'global/workers=2: the first 2000 of 1000000 tasks on 2 workers (last measured repetition); colour = task index'
set xlabel 'seconds from run start'
set ylabel 'worker'
set yrange [-0.6:1.6]
set ytics 1
set xrange [0:*]
set palette rgbformulae 33,13,10
set cblabel 'task'
plot 'timeline-0.dat' using (($2+$3)/2):1:2:3:($1-0.4):($1+0.4):4 \
     with boxxyerror fs solid 0.8 border lc 'black' fc palette notitle
set output
}
