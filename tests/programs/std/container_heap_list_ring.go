// run

// container/heap (a priority queue of tasks with Push, Pop, Fix, Remove, and Init on an
// int heap), container/list (PushBack/Front, InsertBefore/After, MoveToFront/Back,
// Remove, PushBackList, iteration both ways) and container/ring (Link, Unlink, Move, Do,
// Len).
package main

import (
	"container/heap"
	"container/list"
	"container/ring"
	"fmt"
)

type IntHeap []int

func (h IntHeap) Len() int           { return len(h) }
func (h IntHeap) Less(i, j int) bool { return h[i] < h[j] }
func (h IntHeap) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }
func (h *IntHeap) Push(x any)        { *h = append(*h, x.(int)) }
func (h *IntHeap) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}

type Task struct {
	name     string
	priority int
	index    int
}

type PQ []*Task

func (pq PQ) Len() int { return len(pq) }
func (pq PQ) Less(i, j int) bool {
	if pq[i].priority != pq[j].priority {
		return pq[i].priority > pq[j].priority
	}
	return pq[i].name < pq[j].name
}
func (pq PQ) Swap(i, j int) {
	pq[i], pq[j] = pq[j], pq[i]
	pq[i].index = i
	pq[j].index = j
}
func (pq *PQ) Push(x any) {
	t := x.(*Task)
	t.index = len(*pq)
	*pq = append(*pq, t)
}
func (pq *PQ) Pop() any {
	old := *pq
	t := old[len(old)-1]
	old[len(old)-1] = nil
	t.index = -1
	*pq = old[:len(old)-1]
	return t
}

func printList(l *list.List) {
	for e := l.Front(); e != nil; e = e.Next() {
		fmt.Print(e.Value, " ")
	}
	fmt.Print("| back:")
	for e := l.Back(); e != nil; e = e.Prev() {
		fmt.Print(" ", e.Value)
	}
	fmt.Println(" len", l.Len())
}

func main() {
	h := &IntHeap{5, 2, 8, 1, 9, 3}
	heap.Init(h)
	heap.Push(h, 0)
	heap.Push(h, 7)
	fmt.Println("min:", (*h)[0], "len:", h.Len())
	for h.Len() > 0 {
		fmt.Print(heap.Pop(h), " ")
	}
	fmt.Println()

	pq := PQ{}
	tasks := map[string]*Task{}
	for i, n := range []string{"write", "test", "deploy", "review", "lint"} {
		t := &Task{name: n, priority: i % 3}
		tasks[n] = t
		heap.Push(&pq, t)
	}
	tasks["lint"].priority = 10
	heap.Fix(&pq, tasks["lint"].index)
	removed := heap.Remove(&pq, tasks["test"].index).(*Task)
	fmt.Println("removed", removed.name, removed.index)
	for pq.Len() > 0 {
		t := heap.Pop(&pq).(*Task)
		fmt.Printf("%s(%d) ", t.name, t.priority)
	}
	fmt.Println()

	l := list.New()
	e4 := l.PushBack(4)
	e1 := l.PushFront(1)
	l.InsertBefore(3, e4)
	l.InsertAfter(2, e1)
	l.PushBack("five")
	printList(l)
	l.MoveToBack(e1)
	l.MoveToFront(e4)
	printList(l)
	l.MoveAfter(e4, e1)
	printList(l)
	fmt.Println("removed", l.Remove(e1), l.Front().Value, l.Back().Value)
	other := list.New()
	other.PushBack("x")
	other.PushBack("y")
	l.PushBackList(other)
	l.PushFrontList(other)
	printList(l)
	l.Init()
	fmt.Println(l.Len(), l.Front() == nil)

	r := ring.New(5)
	for i := 0; i < r.Len(); i++ {
		r.Value = i
		r = r.Next()
	}
	r.Do(func(v any) { fmt.Print(v, " ") })
	fmt.Println()
	r = r.Move(2)
	r.Do(func(v any) { fmt.Print(v, " ") })
	fmt.Println("| prev", r.Prev().Value)
	removedRing := r.Unlink(2)
	fmt.Print("unlinked: ")
	removedRing.Do(func(v any) { fmt.Print(v, " ") })
	fmt.Print("| left: ")
	r.Do(func(v any) { fmt.Print(v, " ") })
	fmt.Println(r.Len())
	s := ring.New(2)
	s.Value, s.Next().Value = "a", "b"
	r.Link(s)
	r.Do(func(v any) { fmt.Print(v, " ") })
	fmt.Println(r.Len())
}
