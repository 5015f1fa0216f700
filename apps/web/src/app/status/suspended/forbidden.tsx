import { SuspendedNotice } from "@/components/suspended-notice";

export default function Suspended() {
  return <SuspendedNotice />;
}
