import { Center, Loader } from "@mantine/core";
import { Navigate, Route, Routes } from "react-router-dom";
import { Shell } from "./components/Shell";
import { AuditPage } from "./pages/AuditPage";
import { ChangePasswordPage } from "./pages/ChangePasswordPage";
import { CompletenessPage } from "./pages/CompletenessPage";
import { DataEntryPage } from "./pages/DataEntryPage";
import { DataUploadPage } from "./pages/DataUploadPage";
import { EvaluationPage } from "./pages/EvaluationPage";
import { HomePage } from "./pages/HomePage";
import { LoginPage } from "./pages/LoginPage";
import { NotFoundPage } from "./pages/NotFoundPage";
import { OrgUnitsPage } from "./pages/OrgUnitsPage";
import { PlanImportPage } from "./pages/PlanImportPage";
import { PlanPage } from "./pages/PlanPage";
import { SpmPage } from "./pages/SpmPage";
import { UsersPage } from "./pages/UsersPage";
import { SessionProvider, useSession } from "./session";

export function App() {
  const session = useSession();
  if (session.isPending)
    return (
      <Center mih="100vh">
        <Loader />
      </Center>
    );
  const user = session.data?.user;
  if (!user) return <LoginPage />;
  return (
    <SessionProvider user={user}>
      <Shell>
        {user.mustChangePassword ? (
          <ChangePasswordPage />
        ) : (
          <Routes>
            <Route path="/" element={<HomePage />} />
            <Route path="/rencana" element={<PlanPage />} />
            <Route path="/rencana/impor" element={<PlanImportPage />} />
            <Route path="/rencana/:planId" element={<PlanPage />} />
            <Route path="/spm" element={<SpmPage />} />
            <Route path="/evaluasi" element={<EvaluationPage />} />
            <Route path="/evaluasi/:planId" element={<EvaluationPage />} />
            <Route path="/isian" element={<DataEntryPage />} />
            <Route path="/unggah-isian" element={<DataUploadPage />} />
            <Route path="/kelengkapan" element={<CompletenessPage />} />
            <Route path="/unit-organisasi" element={<OrgUnitsPage />} />
            <Route path="/pengguna" element={<UsersPage />} />
            <Route path="/audit" element={<AuditPage />} />
            <Route path="/kata-sandi" element={<ChangePasswordPage />} />
            <Route path="/masuk" element={<Navigate to="/" replace />} />
            <Route path="*" element={<NotFoundPage />} />
          </Routes>
        )}
      </Shell>
    </SessionProvider>
  );
}
