# Sourced by the benchmarks that time Tinct and a peer alternately: `alternate ROUNDS TINCT_FN PEER_FN`
# runs the two functions in turn ROUNDS times and sets tinct_s and peer_s to the median wall times.
now() { date +%s.%N; }
median() { printf '%s\n' "$@" | sort -g | awk '{v[NR] = $1} END {print v[int((NR + 1) / 2)]}'; }
alternate() {
  local rounds=$1 first=$2 second=$3 r t0 t1 t2
  local firsts=() seconds=()
  for ((r = 0; r < rounds; ++r)); do
    t0=$(now)
    "$first"
    t1=$(now)
    "$second"
    t2=$(now)
    firsts+=("$(awk "BEGIN{print $t1 - $t0}")")
    seconds+=("$(awk "BEGIN{print $t2 - $t1}")")
  done
  tinct_s=$(median "${firsts[@]}")
  peer_s=$(median "${seconds[@]}")
}
