// run

// context: WithCancel (cancel propagates to children, not to parents; Err and Done),
// WithCancelCause and Cause, WithTimeout/WithDeadline (DeadlineExceeded, a deadline in
// the past, Deadline's ok flag), WithValue lookup through layers with an unexported key
// type, WithoutCancel, AfterFunc (runs on cancellation; stop before), a worker goroutine
// stopping on ctx.Done, WithTimeoutCause, and the contexts' String forms without times.
package main

import (
	"context"
	"errors"
	"fmt"
	"time"
)

type ctxKey string

func worker(ctx context.Context, out chan<- string) {
	n := 0
	for {
		select {
		case <-ctx.Done():
			out <- fmt.Sprintf("worker stopped: %v (did work: %v)", ctx.Err(), n > 0)
			return
		default:
			n++
			time.Sleep(time.Millisecond)
		}
	}
}

func main() {
	bg := context.Background()
	fmt.Println(bg, context.TODO(), bg.Err(), bg.Done() == nil)
	_, has := bg.Deadline()
	fmt.Println("background deadline:", has)

	parent, cancel := context.WithCancel(bg)
	child, cancelChild := context.WithCancel(parent)
	defer cancelChild()
	grand := context.WithValue(child, ctxKey("user"), "ann")
	fmt.Println(parent, "|", grand)
	fmt.Println(parent.Err(), child.Err())
	cancelChild()
	fmt.Println("after child cancel:", parent.Err(), child.Err(), grand.Err())
	cancel()
	cancel()
	<-parent.Done()
	fmt.Println("after parent cancel:", parent.Err(), errors.Is(parent.Err(), context.Canceled), context.Cause(parent))

	ctx2, cancel2 := context.WithCancel(bg)
	sub, subCancel := context.WithCancel(ctx2)
	defer subCancel()
	cancel2()
	<-sub.Done()
	fmt.Println("child sees parent cancel:", sub.Err())

	cc, cancelCause := context.WithCancelCause(bg)
	cancelCause(errors.New("shutting down"))
	fmt.Println(cc.Err(), context.Cause(cc))

	tctx, tcancel := context.WithTimeout(bg, 30*time.Millisecond)
	defer tcancel()
	dl, ok := tctx.Deadline()
	fmt.Println("has deadline:", ok, time.Until(dl) > 0)
	select {
	case <-tctx.Done():
		fmt.Println("timeout:", tctx.Err(), errors.Is(tctx.Err(), context.DeadlineExceeded), context.Cause(tctx))
	case <-time.After(5 * time.Second):
		fmt.Println("timeout did not fire")
	}
	var te interface{ Timeout() bool }
	fmt.Println(errors.As(tctx.Err(), &te) && te.Timeout())
	past, pcancel := context.WithDeadline(bg, time.Now().Add(-time.Second))
	defer pcancel()
	fmt.Println("past deadline:", past.Err())
	tc, tcc := context.WithTimeoutCause(bg, time.Millisecond, errors.New("too slow"))
	defer tcc()
	<-tc.Done()
	fmt.Println(tc.Err(), context.Cause(tc))
	short, scancel := context.WithTimeout(bg, time.Hour)
	inner, icancel := context.WithTimeout(short, 10*time.Millisecond)
	d1, _ := short.Deadline()
	d2, _ := inner.Deadline()
	fmt.Println("inner deadline earlier:", d2.Before(d1))
	icancel()
	scancel()

	vctx := context.WithValue(bg, ctxKey("a"), 1)
	vctx = context.WithValue(vctx, ctxKey("b"), 2)
	vctx = context.WithValue(vctx, ctxKey("a"), 3)
	fmt.Println(vctx.Value(ctxKey("a")), vctx.Value(ctxKey("b")), vctx.Value(ctxKey("c")), vctx.Value("a"))
	fmt.Println(grand.Value(ctxKey("user")))

	cctx, ccancel := context.WithCancel(vctx)
	detached := context.WithoutCancel(cctx)
	ccancel()
	fmt.Println("detached:", detached.Err(), detached.Value(ctxKey("b")), detached.Done() == nil)

	actx, acancel := context.WithCancel(bg)
	ran := make(chan string, 1)
	stop := context.AfterFunc(actx, func() { ran <- "afterfunc ran" })
	stop2 := context.AfterFunc(actx, func() { ran <- "should not run" })
	fmt.Println("stop before cancel:", stop2())
	acancel()
	fmt.Println(<-ran, "| stop after:", stop())

	wctx, wcancel := context.WithCancel(bg)
	out := make(chan string)
	go worker(wctx, out)
	time.Sleep(10 * time.Millisecond)
	wcancel()
	fmt.Println(<-out)
	wctx2, wcancel2 := context.WithTimeout(bg, 10*time.Millisecond)
	defer wcancel2()
	go worker(wctx2, out)
	fmt.Println(<-out)
}
