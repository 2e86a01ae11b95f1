namespace Custos.SelfService.Ui;

/// <summary>
/// The stable sort of Go's <c>sort.SliceStable</c>: insertion sort over blocks of 20, then SymMerge of the blocks.
/// Kratos orders UI nodes with a comparison that is not a strict weak order (nodes of different groups compare as
/// equal, except <c>default</c> and <c>password</c>), so the result depends on the algorithm's exact sequence of
/// comparisons and swaps; any other stable sort could put nodes elsewhere.
/// </summary>
internal static class GoStableSort
{
    private const int BlockSize = 20;

    /// <summary>Sorts <paramref name="items"/> in place; <paramref name="less"/> compares two items.</summary>
    public static void Sort<T>(IList<T> items, Func<T, T, bool> less)
    {
        var data = new Data<T>(items, less);
        var n = items.Count;
        int a = 0, b = BlockSize;
        while (b <= n)
        {
            InsertionSort(data, a, b);
            a = b;
            b += BlockSize;
        }

        InsertionSort(data, a, n);
        for (var blockSize = BlockSize; blockSize < n; blockSize *= 2)
        {
            a = 0;
            b = 2 * blockSize;
            while (b <= n)
            {
                SymMerge(data, a, a + blockSize, b);
                a = b;
                b += 2 * blockSize;
            }

            if (a + blockSize < n)
            {
                SymMerge(data, a, a + blockSize, n);
            }
        }
    }

    private static void InsertionSort<T>(Data<T> data, int a, int b)
    {
        for (var i = a + 1; i < b; i++)
        {
            for (var j = i; j > a && data.Less(j, j - 1); j--)
            {
                data.Swap(j, j - 1);
            }
        }
    }

    // Merges the sorted runs [a, m) and [m, b) (Kim and Kutzner's SymMerge, as Go has it); requires a < m < b.
    private static void SymMerge<T>(Data<T> data, int a, int m, int b)
    {
        if (m - a == 1)
        {
            // The single item at a moves to just before the first item of [m, b) that is not less than it.
            int i = m, j = b;
            while (i < j)
            {
                var h = (int)((uint)(i + j) >> 1);
                if (data.Less(h, a))
                {
                    i = h + 1;
                }
                else
                {
                    j = h;
                }
            }

            for (var k = a; k < i - 1; k++)
            {
                data.Swap(k, k + 1);
            }

            return;
        }

        if (b - m == 1)
        {
            // The single item at m moves to the first position in [a, m) whose item is greater than it.
            int i = a, j = m;
            while (i < j)
            {
                var h = (int)((uint)(i + j) >> 1);
                if (!data.Less(m, h))
                {
                    i = h + 1;
                }
                else
                {
                    j = h;
                }
            }

            for (var k = m; k > i; k--)
            {
                data.Swap(k, k - 1);
            }

            return;
        }

        var mid = (int)((uint)(a + b) >> 1);
        var n = mid + m;
        int start, r;
        if (m > mid)
        {
            start = n - b;
            r = mid;
        }
        else
        {
            start = a;
            r = m;
        }

        var p = n - 1;
        while (start < r)
        {
            var c = (int)((uint)(start + r) >> 1);
            if (!data.Less(p - c, c))
            {
                start = c + 1;
            }
            else
            {
                r = c;
            }
        }

        var end = n - start;
        if (start < m && m < end)
        {
            Rotate(data, start, m, end);
        }

        if (a < start && start < mid)
        {
            SymMerge(data, a, start, mid);
        }

        if (mid < end && end < b)
        {
            SymMerge(data, mid, end, b);
        }
    }

    // Turns the blocks u = [a, m) and v = [m, b) into v u with block swaps.
    private static void Rotate<T>(Data<T> data, int a, int m, int b)
    {
        var i = m - a;
        var j = b - m;
        while (i != j)
        {
            if (i > j)
            {
                SwapRange(data, m - i, m, j);
                i -= j;
            }
            else
            {
                SwapRange(data, m - i, m + j - i, i);
                j -= i;
            }
        }

        SwapRange(data, m - i, m, i);
    }

    private static void SwapRange<T>(Data<T> data, int a, int b, int n)
    {
        for (var i = 0; i < n; i++)
        {
            data.Swap(a + i, b + i);
        }
    }

    private readonly record struct Data<T>(IList<T> Items, Func<T, T, bool> Compare)
    {
        public bool Less(int i, int j) => Compare(Items[i], Items[j]);

        public void Swap(int i, int j) => (Items[i], Items[j]) = (Items[j], Items[i]);
    }
}
