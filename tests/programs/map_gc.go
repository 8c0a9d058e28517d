// run

// Maps under a collector that runs while they grow: keys and values that are only
// reachable through a map (strings built at run time, pointers, slices, interfaces)
// must survive, and a range keeps the table it walks alive.
package main

type node struct {
	id   int
	next *node
	tag  string
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	s := ""
	for n > 0 {
		s = string(rune('0'+n%10)) + s
		n /= 10
	}
	return s
}

func main() {
	byName := map[string]*node{}
	lists := map[int][]string{}
	any := map[interface{}]interface{}{}
	for i := 0; i < 20000; i++ {
		name := "n" + itoa(i)
		n := &node{id: i, tag: name + "!"}
		if i > 0 {
			n.next = byName["n"+itoa(i-1)]
		}
		byName[name] = n
		lists[i%100] = append(lists[i%100], name)
		if i%10 == 0 {
			any[name] = n
			any[i] = []int{i}
		}
		// Garbage, so that collections happen while the maps grow.
		_ = make([]byte, 512)
	}
	bad := 0
	for i := 0; i < 20000; i += 7 {
		n := byName["n"+itoa(i)]
		if n == nil || n.id != i || n.tag != "n"+itoa(i)+"!" || (i > 0 && n.next.id != i-1) {
			bad++
		}
	}
	total := 0
	for _, l := range lists {
		total += len(l)
		for _, s := range l {
			if byName[s] == nil {
				bad++
			}
		}
	}
	for k, v := range any {
		switch k := k.(type) {
		case string:
			if v.(*node).tag != k+"!" {
				bad++
			}
		case int:
			if v.([]int)[0] != k {
				bad++
			}
		}
		_ = make([]byte, 4096)
	}
	println("entries:", len(byName), total, len(any), "bad:", bad)
}
